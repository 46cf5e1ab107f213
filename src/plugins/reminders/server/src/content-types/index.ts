import reminder from './reminder';

export default { reminder };
