import indicators from './indicators';

export default { indicators };
