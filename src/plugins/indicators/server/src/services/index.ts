import indicators from './indicators';
import facts from './facts';

export default { indicators, facts };
