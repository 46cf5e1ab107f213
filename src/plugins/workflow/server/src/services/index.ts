import definitions from './definitions';
import transitions from './transitions';
import subjects from './subjects';
import actors from './actors';
import guards from './guards';
import integrity from './integrity';

export default { definitions, transitions, subjects, actors, guards, integrity };
