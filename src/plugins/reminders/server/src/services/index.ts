import mailer from './mailer';
import queue from './queue';
import scheduler from './scheduler';
import sender from './sender';
import recipients from './recipients';

export default { mailer, queue, scheduler, sender, recipients };
