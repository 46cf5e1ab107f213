import admin from './admin';
import indicators, { exportController } from './indicators';

export default { admin, indicators, export: exportController };
