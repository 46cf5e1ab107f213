import * as React from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { createGlobalStyle, styled } from 'styled-components';
import { Box, Button, Checkbox, Flex, Link, Typography } from '@strapi/design-system';
import { ArrowLeft, FilePdf } from '@strapi/icons';
import { Page } from '@strapi/strapi/admin';
import {
  PAGE_PATH,
  ambassadorTotals,
  COUNTED,
  countTotals,
  describeDetails,
  errorText,
  formatCount,
  formatDay,
  formatMonthLong,
  formatMonthShort,
  formatPeriod,
  formatTarget,
  formatValue,
  professionLabel,
  sortAmbassadors,
  statusLabel,
  type AmbassadorFigures,
  type Indicator,
  type Report,
} from '../api';
import { MonthlyChart } from '../components/MonthlyChart';
import { YearSelect } from '../components/YearSelect';
import { useReport } from '../useReport';
import { useYear } from '../useYear';

/** Beyond this many, the printed bilan lists the most active ambassadors only, unless asked for all. */
const AMBASSADOR_LIMIT = 25;

/**
 * Printing shows the bilan alone: every element that neither is, holds nor sits in the sheet is
 * hidden (the admin's left menu, its top bar on narrow screens, banners, our toolbar), and the
 * sheet's ancestors lose the fixed heights and scroll boxes of the admin layout, which would
 * otherwise cut the document after one screen.
 */
const PrintStyle = createGlobalStyle`
  @media print {
    @page { size: A4 portrait; margin: 14mm 12mm 16mm; }
    html, body { background: #fff !important; }
    body *:not(:has([data-print-root])):not([data-print-root]):not([data-print-root] *) { display: none !important; }
    :has([data-print-root]) {
      display: block !important;
      position: static !important;
      height: auto !important;
      min-height: 0 !important;
      max-height: none !important;
      width: auto !important;
      overflow: visible !important;
      margin: 0 !important;
      padding: 0 !important;
      background: #fff !important;
      box-shadow: none !important;
      border: 0 !important;
    }
    [data-no-print] { display: none !important; }
  }
`;

const Sheet = styled.article`
  box-sizing: border-box;
  max-width: 210mm;
  margin: 0 auto;
  padding: 14mm 12mm;
  background: #fff;
  color: #1f1f2e;
  box-shadow: 0 1px 4px rgba(33, 33, 52, 0.16);
  font-size: 10.5pt;
  line-height: 1.4;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;

  h1 {
    font-size: 17pt;
    font-weight: 700;
    margin: 0 0 2mm;
    line-height: 1.25;
  }
  h2 {
    font-size: 12pt;
    font-weight: 700;
    margin: 7mm 0 2.5mm;
    padding-bottom: 1mm;
    border-bottom: 2px solid #1f1f2e;
    text-transform: uppercase;
    letter-spacing: 0.02em;
    break-after: avoid;
  }
  p {
    margin: 0 0 2mm;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin: 0 0 2mm;
    font-size: 9.5pt;
  }
  thead {
    display: table-header-group;
  }
  tr {
    break-inside: avoid;
  }
  th,
  td {
    border: 1px solid #8e8ea9;
    padding: 1.5mm 2mm;
    text-align: left;
    vertical-align: top;
  }
  th {
    background: #eaeaef;
    font-weight: 700;
  }
  td.num,
  th.num {
    text-align: right;
    white-space: nowrap;
  }
  tfoot td,
  td.total {
    font-weight: 700;
    background: #f6f6f9;
  }
  table.months {
    font-size: 8.5pt;
  }
  table.months th,
  table.months td {
    padding: 1.2mm 1mm;
  }
  tbody th {
    background: #f6f6f9;
    white-space: nowrap;
  }
  .muted {
    color: #4a4a6a;
  }
  .small {
    font-size: 8.5pt;
  }
  td.status {
    white-space: nowrap;
  }
  .status-met {
    background: #eafbe7;
    color: #2f6846;
    font-weight: 700;
  }
  .status-not_met {
    background: #fcecea;
    color: #b72b1a;
    font-weight: 700;
  }
  .status-informational {
    color: #4a4a6a;
  }
  .chart {
    break-inside: avoid;
    margin: 0 0 3mm;
  }

  @media screen and (max-width: 900px) {
    padding: 8mm 6mm;
  }
  @media print {
    max-width: none;
    padding: 0;
    box-shadow: none;
  }
`;

const STATUS_MARKS: Record<string, string> = { met: '✓', not_met: '✗', informational: '' };

const Attendu = ({ indicator }: { indicator: Indicator }) =>
  indicator.target ? <>{formatTarget(indicator.target, indicator.unit)}</> : <span className="muted">Sans objectif (indicatif)</span>;

const Obtenu = ({ indicator }: { indicator: Indicator }) => {
  const details = describeDetails(indicator);
  return (
    <>
      <strong>{formatValue(indicator.value, indicator.unit)}</strong>
      {indicator.value === null ? <span className="muted"> (aucune donnée)</span> : null}
      {details ? <div className="muted small">{details}</div> : null}
    </>
  );
};

const mostActive = (rows: AmbassadorFigures[]) =>
  [...rows].sort(
    (a, b) =>
      b.contacts - a.contacts ||
      b.installations - a.installations ||
      b.hoursValidated - a.hoursValidated ||
      a.displayName.localeCompare(b.displayName, 'fr')
  );

/** The sheet itself: what the board and the regional health agency receive ("attendu / obtenu"). */
const Bilan = ({ report, year, allAmbassadors }: { report: Report; year: number; allAmbassadors: boolean }) => {
  const withTarget = report.indicators.filter((i) => i.target);
  const met = withTarget.filter((i) => i.status === 'met').length;
  const monthTotal = countTotals(report.monthly);
  const profTotal = countTotals(report.byProfession);
  const ambassadors = report.byAmbassador;
  const totals = ambassadorTotals(ambassadors);
  const truncated = !allAmbassadors && ambassadors.length > AMBASSADOR_LIMIT;
  const listed = truncated ? mostActive(ambassadors).slice(0, AMBASSADOR_LIMIT) : sortAmbassadors(ambassadors, 'displayName', 'asc');
  const cpts = report.cpts?.name?.trim() || 'CPTS';
  const today = new Date();
  const issued = formatDay(`${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`);

  return (
    <Sheet data-print-root data-testid="bilan-sheet">
      <header>
        <p className="muted small">PROGRAMME AMBASSADEURS · BILAN D'ACTION</p>
        <h1 data-testid="bilan-title">{`Bilan annuel — ${cpts} — ${year}`}</h1>
        <p>
          Accueil et installation de nouveaux professionnels de santé sur le territoire de la CPTS.
          <br />
          <span className="muted">
            Période de réalisation : {formatPeriod(report.period)} · édité le {issued}
          </span>
        </p>
      </header>

      <section aria-labelledby="bilan-results">
        <h2 id="bilan-results">1. Évaluation des résultats</h2>
        <p data-testid="bilan-summary">
          {withTarget.length > 0
            ? `Objectifs atteints : ${met} sur ${withTarget.length}. Les indicateurs sans objectif sont donnés à titre indicatif.`
            : 'Aucun objectif n’est fixé dans les paramètres de la CPTS : les indicateurs sont donnés à titre indicatif.'}
        </p>
        <table data-testid="bilan-indicators">
          <thead>
            <tr>
              <th style={{ width: '36%' }}>Indicateur</th>
              <th style={{ width: '17%' }}>Attendu</th>
              <th>Obtenu</th>
              <th style={{ width: '15%' }}>Statut</th>
            </tr>
          </thead>
          <tbody>
            {report.indicators.map((i) => (
              <tr key={i.key} data-testid={`bilan-row-${i.key}`}>
                <td>{i.label}</td>
                <td>
                  <Attendu indicator={i} />
                </td>
                <td>
                  <Obtenu indicator={i} />
                </td>
                <td className={`status status-${i.status}`}>{`${STATUS_MARKS[i.status] ?? ''} ${statusLabel(i.status)}`.trim()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="bilan-monthly">
        <h2 id="bilan-monthly">2. Activité mois par mois</h2>
        <div className="chart">
          <MonthlyChart monthly={report.monthly} />
        </div>
        <table data-testid="bilan-monthly-table" className="months">
          <thead>
            <tr>
              <th>Mois</th>
              {report.monthly.map((m) => (
                <th key={m.month} className="num" title={formatMonthLong(m.month)}>
                  {formatMonthShort(m.month)}
                </th>
              ))}
              <th className="num">Total</th>
            </tr>
          </thead>
          <tbody>
            {COUNTED.map(({ key, label }) => (
              <tr key={key} data-testid={`bilan-monthly-${key}`}>
                <th>{label}</th>
                {report.monthly.map((m) => (
                  <td key={m.month} className="num">
                    {formatCount(m[key])}
                  </td>
                ))}
                <td className="num total">{formatCount(monthTotal[key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="bilan-professions">
        <h2 id="bilan-professions">3. Par profession</h2>
        {report.byProfession.length === 0 ? (
          <p className="muted">Aucun contact ni installation sur la période.</p>
        ) : (
          <table data-testid="bilan-professions">
            <thead>
              <tr>
                <th>Profession</th>
                <th className="num">Contacts traités</th>
                <th className="num">Installations</th>
              </tr>
            </thead>
            <tbody>
              {report.byProfession.map((p) => (
                <tr key={p.profession}>
                  <td>{professionLabel(p.profession)}</td>
                  <td className="num">{formatCount(p.contacts)}</td>
                  <td className="num">{formatCount(p.installations)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td>Total</td>
                <td className="num">{formatCount(profTotal.contacts)}</td>
                <td className="num">{formatCount(profTotal.installations)}</td>
              </tr>
            </tfoot>
          </table>
        )}
      </section>

      <section aria-labelledby="bilan-ambassadors">
        <h2 id="bilan-ambassadors">4. Par ambassadeur</h2>
        {ambassadors.length === 0 ? (
          <p className="muted">Aucun ambassadeur n’a eu d’activité sur la période.</p>
        ) : (
          <>
            <p data-testid="bilan-ambassadors-summary">
              {`${formatCount(ambassadors.length)} ambassadeur${ambassadors.length > 1 ? 's ont' : ' a'} eu une activité sur la période : `}
              {`${formatCount(totals.contacts)} contacts traités, ${formatCount(totals.installations)} installations, ${formatValue(totals.hoursValidated, 'hours')} validées.`}
              {truncated ? (
                <span className="muted">
                  {` Ci-dessous les ${AMBASSADOR_LIMIT} plus actifs ; la liste complète figure dans l'export CSV.`}
                </span>
              ) : null}
            </p>
            <table data-testid="bilan-ambassadors">
              <thead>
                <tr>
                  <th>Ambassadeur</th>
                  <th className="num">Contacts</th>
                  <th className="num">Installations</th>
                  <th className="num">Satisfaction</th>
                  <th className="num">Heures validées</th>
                </tr>
              </thead>
              <tbody>
                {listed.map((a) => (
                  <tr key={a.documentId}>
                    <td>{a.displayName}</td>
                    <td className="num">{formatCount(a.contacts)}</td>
                    <td className="num">{formatCount(a.installations)}</td>
                    <td className="num">{formatValue(a.satisfactionAverage, 'score')}</td>
                    <td className="num">{formatValue(a.hoursValidated, 'hours')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </Sheet>
  );
};

/** The printable annual report (/plugins/indicators/bilan?year=2025): the sheet, and a toolbar that is not printed. */
export const ReportPage = () => {
  const [year, setYear] = useYear();
  const { report, loading, error } = useReport(year);
  const [allAmbassadors, setAllAmbassadors] = React.useState(false);
  const cpts = report?.cpts?.name?.trim() || 'CPTS';

  // the browser proposes the page title as the PDF's file name
  React.useEffect(() => {
    const previous = document.title;
    document.title = `Bilan annuel ${year} — ${cpts}`;
    return () => {
      document.title = previous;
    };
  }, [year, cpts]);

  if (!report && loading && !error) return <Page.Loading />;

  return (
    <Page.Main>
      <PrintStyle />
      <Box padding={{ initial: 4, medium: 8 }} data-testid="bilan-page" data-year={year} data-report-year={report?.period.from.slice(0, 4)} aria-busy={loading}>
        <Box data-no-print paddingBottom={6}>
          <Flex gap={4} wrap="wrap" alignItems="flex-end" justifyContent="space-between">
            <Flex direction="column" alignItems="flex-start" gap={2}>
              <Link tag={RouterLink} to={`${PAGE_PATH}?year=${year}`} startIcon={<ArrowLeft />}>
                Retour aux indicateurs
              </Link>
              <Typography variant="alpha" tag="h1">
                Bilan imprimable
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                « Imprimer », puis « Enregistrer au format PDF » comme destination, format A4.
              </Typography>
            </Flex>
            <Flex gap={4} wrap="wrap" alignItems="flex-end">
              <YearSelect year={year} onChange={setYear} id="bilan-year" />
              {report && report.byAmbassador.length > AMBASSADOR_LIMIT ? (
                <Box paddingBottom={2}>
                  <Checkbox checked={allAmbassadors} onCheckedChange={(v: boolean | 'indeterminate') => setAllAmbassadors(v === true)}>
                    {`Tous les ambassadeurs (${formatCount(report.byAmbassador.length)})`}
                  </Checkbox>
                </Box>
              ) : null}
              <Button size="L" startIcon={<FilePdf />} onClick={() => window.print()} disabled={!report} data-testid="bilan-print">
                Imprimer
              </Button>
            </Flex>
          </Flex>
        </Box>
        {error ? (
          <Box data-no-print background="danger100" borderColor="danger200" borderStyle="solid" borderWidth="1px" padding={4} hasRadius data-testid="bilan-error">
            <Typography textColor="danger700">{errorText(error)}</Typography>
          </Box>
        ) : null}
        {report ? (
          <div style={{ opacity: loading ? 0.6 : 1 }}>
            <Bilan report={report} year={year} allAmbassadors={allAmbassadors} />
          </div>
        ) : null}
      </Box>
    </Page.Main>
  );
};

export default ReportPage;
