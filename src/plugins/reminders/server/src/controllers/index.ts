import reminders from './reminders';

export default { reminders };
