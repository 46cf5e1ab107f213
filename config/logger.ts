import { winston, formats } from '@strapi/logger';

// LOG_LEVEL lets tests and production quiet the per-request lines (level "http").
export default {
  transports: [
    new winston.transports.Console({
      level: process.env.LOG_LEVEL || 'http',
      format: winston.format.combine(
        formats.levelFilter(process.env.LOG_LEVEL || 'http'),
        formats.prettyPrint({ timestamps: 'YYYY-MM-DD hh:mm:ss.SSS' })
      ),
    }),
  ],
};
