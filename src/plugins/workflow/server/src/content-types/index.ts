import definition from './definition';
import transition from './transition';

export default { definition, transition };
