import * as React from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { styled } from 'styled-components';
import { Box, Button, Flex, LinkButton, Typography } from '@strapi/design-system';
import { ArrowClockwise, Download, FilePdf } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { REPORT_PATH, errorText, formatPeriod } from '../api';
import { AmbassadorTable } from '../components/AmbassadorTable';
import { IndicatorCard } from '../components/IndicatorCard';
import { MonthlyChart } from '../components/MonthlyChart';
import { ProfessionTable } from '../components/ProfessionTable';
import { YearSelect } from '../components/YearSelect';
import { useCsvExport, useReport } from '../useReport';
import { useYear } from '../useYear';

const Cards = styled.div`
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(230px, 1fr));
  gap: ${({ theme }) => theme.spaces[4]};
`;

/** The two tables side by side on a wide screen, one under the other otherwise. */
const Tables = styled.div`
  display: grid;
  grid-template-columns: minmax(0, 1fr);
  gap: ${({ theme }) => theme.spaces[6]};
  @media (min-width: 1280px) {
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
  }
`;

const Section = ({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) => (
  <Flex tag="section" direction="column" alignItems="stretch" gap={3} data-testid={testId} aria-label={title}>
    <Typography variant="delta" tag="h2" textColor="neutral800">
      {title}
    </Typography>
    {children}
  </Flex>
);

/** "Indicateurs": the year's figures against the CPTS targets, month by month, per profession and per ambassador. */
export const DashboardPage = () => {
  const [year, setYear] = useYear();
  const { report, loading, error, reload } = useReport(year);
  const { download, busy } = useCsvExport();
  const { toggleNotification } = useNotification();

  const exportCsv = async () => {
    const result = await download(year);
    if (result.ok) toggleNotification({ type: 'success', message: `Export enregistré : ${result.fileName}` });
    else toggleNotification({ type: 'danger', title: "L'export a échoué", message: result.message, timeout: 8000 });
  };

  if (!report && loading && !error) return <Page.Loading />;

  // nothing to choose nor export for a role the figures are not meant for
  if (error?.status === 403) {
    return (
      <Page.Main>
        <Page.Title>Indicateurs</Page.Title>
        <Layouts.Header title="Indicateurs" />
        <Layouts.Content>
          <Box background="neutral0" padding={6} hasRadius shadow="tableShadow" data-testid="indicators-error">
            <Typography textColor="neutral800">{errorText(error)}</Typography>
          </Box>
        </Layouts.Content>
      </Page.Main>
    );
  }

  return (
    <Page.Main>
      <Page.Title>Indicateurs</Page.Title>
      <Box data-testid="indicators-page" data-year={year} data-report-year={report?.period.from.slice(0, 4)} aria-busy={loading}>
        <Layouts.Header
          title="Indicateurs"
          subtitle={
            report
              ? `Programme ambassadeurs : résultats obtenus face aux objectifs de la CPTS, ${formatPeriod(report.period)}`
              : 'Programme ambassadeurs : résultats obtenus face aux objectifs de la CPTS'
          }
          primaryAction={
            <Flex gap={2} wrap="wrap">
              <Button variant="secondary" startIcon={<Download />} onClick={exportCsv} loading={busy} disabled={!!error} data-testid="indicators-export">
                Exporter (CSV)
              </Button>
              <LinkButton tag={RouterLink} to={`${REPORT_PATH}?year=${year}`} startIcon={<FilePdf />} data-testid="indicators-bilan">
                Bilan imprimable
              </LinkButton>
            </Flex>
          }
        />
        <Layouts.Action
          startActions={<YearSelect year={year} onChange={setYear} />}
          endActions={
            <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={reload} loading={loading && report !== null}>
              Actualiser
            </Button>
          }
        />
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={8} paddingBottom={10}>
            {error ? (
              <Box background="danger100" borderColor="danger200" borderStyle="solid" borderWidth="1px" padding={4} hasRadius data-testid="indicators-error">
                <Typography textColor="danger700">{errorText(error)}</Typography>
              </Box>
            ) : null}

            {report ? (
              <Box style={{ opacity: loading ? 0.6 : 1, transition: 'opacity 120ms' }}>
                <Flex direction="column" alignItems="stretch" gap={8}>
                  <Section title={`Indicateurs ${year}`} testId="indicators-cards">
                    <Cards>
                      {report.indicators.map((i) => (
                        <IndicatorCard key={i.key} indicator={i} />
                      ))}
                    </Cards>
                  </Section>

                  <Section title="Contacts et installations par mois" testId="indicators-monthly">
                    <Box background="neutral0" padding={5} hasRadius shadow="tableShadow">
                      <MonthlyChart monthly={report.monthly} data-testid="indicators-chart" />
                    </Box>
                  </Section>

                  <Tables>
                    <Section title="Par profession" testId="indicators-professions">
                      <ProfessionTable rows={report.byProfession} />
                    </Section>
                    <Section title="Par ambassadeur" testId="indicators-ambassadors">
                      <AmbassadorTable rows={report.byAmbassador} />
                    </Section>
                  </Tables>
                </Flex>
              </Box>
            ) : null}
          </Flex>
        </Layouts.Content>
      </Box>
    </Page.Main>
  );
};

export default DashboardPage;
