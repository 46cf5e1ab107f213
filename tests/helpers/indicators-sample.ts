import type { TestApp } from './strapi';
import { dataset } from './dataset';

/**
 * A small dataset over two past years, for the admin routes and the dashboard: `year` and
 * `year - 1` must both be over, so that no figure depends on today (follow-ups and matching
 * windows are all closed). The figures it gives are listed beside, and asserted literally by
 * the tests that use it.
 *
 * year:     contacts 3, installations 2, conversion 2/3, satisfaction 4.5 (2 responses),
 *           active ambassadors 2, matching 1 on time / 1 late, follow-ups 3 on time / 4 late,
 *           median 90.5 days, hours 9.5 (+ 1 per extra ambassador)
 * year - 1: contacts 1, installations 1, conversion 1, no satisfaction response, matching 1/1,
 *           no follow-up due, median 75 days, hours 0
 */
export const indicatorsSample = async (app: TestApp, year: number, { extraAmbassadors = 0 } = {}) => {
  const d = dataset(app);
  const y = String(year);
  const p = String(year - 1);
  const alice = await d.ambassador({ displayName: 'Alice Martin', state: 'active' });
  const bruno = await d.ambassador({ displayName: 'Bruno Payet', state: 'active' });

  const c1 = await d.case({
    ambassador: alice,
    profession: 'general_practitioner',
    firstContactAt: `${y}-02-10T10:00`,
    installedAt: `${y}-05-20`, // 99 days; m3 (08-20) and m6 (11-20) never recorded: late
    history: [
      { from: 'interview', to: 'matching', at: `${y}-02-12T10:00` },
      { from: 'matching', to: 'visits', at: `${y}-02-15T10:00` }, // 3 days: on time
    ],
  });
  await d.case({
    ambassador: alice,
    profession: 'nurse',
    firstContactAt: `${y}-03-05T10:00`,
    history: [
      { from: 'interview', to: 'matching', at: `${y}-03-06T10:00` },
      { from: 'matching', to: 'visits', at: `${y}-03-20T10:00` }, // 14 days: late
    ],
  });
  const c3 = await d.case({
    ambassador: bruno,
    profession: 'nurse',
    firstContactAt: `${y}-03-20T10:00`,
    installedAt: `${y}-06-10`, // 82 days; m3 (09-10) on time, m6 (12-10) never recorded: late
    followUps: [{ milestone: 'm3', doneAt: `${y}-09-15` }],
  });
  await d.case({
    ambassador: bruno,
    profession: 'midwife',
    firstContactAt: `${p}-09-01T10:00`,
    installedAt: `${p}-11-15`, // 75 days; its m3, m6 (on time) and m12 (late) fall due in `year`
    followUps: [
      { milestone: 'm3', doneAt: `${y}-02-20` },
      { milestone: 'm6', doneAt: `${y}-05-20` },
    ],
    history: [
      { from: 'interview', to: 'matching', at: `${p}-09-03T10:00` },
      { from: 'matching', to: 'visits', at: `${p}-09-08T10:00` },
    ],
  });

  await d.response(c1, 5, `${y}-06-15T10:00`);
  await d.response(c3, 4, `${y}-07-10T10:00`);

  await d.declaration(alice, { month: `${y}-04-01`, hours: 6.5, travelKm: 12, travelCost: 4.8 });
  await d.declaration(bruno, { month: `${y}-05-01`, hours: 3 });
  await d.declaration(bruno, { month: `${y}-06-01`, hours: 10, state: 'submitted' });

  // ambassadors in training with one validated hour each: rows for the table, no active mandate
  const extras: string[] = [];
  for (let i = 1; i <= extraAmbassadors; i += 1) {
    const id = await d.ambassador({ displayName: `Zélie Ambassadrice ${String(i).padStart(2, '0')}`, state: 'trained' });
    await d.declaration(id, { month: `${y}-09-01`, hours: 1 });
    extras.push(id);
  }
  return { alice, bruno, extras };
};
