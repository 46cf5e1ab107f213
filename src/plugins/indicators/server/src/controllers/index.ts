import admin from './admin';
import indicators from './indicators';

export default { admin, indicators };
