import workflow from './workflow';
import admin from './admin';

export default { workflow, admin };
