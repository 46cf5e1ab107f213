import * as React from 'react';
import { styled } from 'styled-components';
import {
  Box,
  Button,
  Field,
  Flex,
  Link,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { CaretDown, CaretUp, ChevronLeft, ChevronRight, Search } from '@strapi/icons';
import { Link as RouterLink } from 'react-router-dom';
import {
  filterAmbassadors,
  formatCount,
  formatValue,
  sortAmbassadors,
  type AmbassadorFigures,
  type SortDir,
  type SortKey,
} from '../api';

const PAGE_SIZES = [10, 20, 50, 100];

const COLUMNS: Array<{ key: SortKey; label: string; numeric: boolean }> = [
  { key: 'displayName', label: 'Ambassadeur', numeric: false },
  { key: 'contacts', label: 'Contacts', numeric: true },
  { key: 'installations', label: 'Installations', numeric: true },
  { key: 'satisfactionAverage', label: 'Satisfaction', numeric: true },
  { key: 'hoursValidated', label: 'Heures validées', numeric: true },
];

const SortButton = styled.button`
  all: unset;
  cursor: pointer;
  display: inline-flex;
  align-items: center;
  gap: 4px;
  border-radius: 4px;
  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

const AMBASSADOR_PATH = '/content-manager/collection-types/api::ambassador.ambassador';

/**
 * The per-ambassador figures: filtered by name, sorted by any column, paginated in the browser
 * (the report carries every ambassador with activity, thousands in a large CPTS).
 */
export const AmbassadorTable = ({ rows }: { rows: AmbassadorFigures[] }) => {
  const [search, setSearch] = React.useState('');
  const [sort, setSort] = React.useState<{ key: SortKey; dir: SortDir }>({ key: 'displayName', dir: 'asc' });
  const [page, setPage] = React.useState(1);
  const [pageSize, setPageSize] = React.useState(20);

  const filtered = React.useMemo(() => filterAmbassadors(rows, search), [rows, search]);
  const sorted = React.useMemo(() => sortAmbassadors(filtered, sort.key, sort.dir), [filtered, sort]);
  const pageCount = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(page, pageCount);
  const shown = sorted.slice((current - 1) * pageSize, current * pageSize);
  const first = sorted.length === 0 ? 0 : (current - 1) * pageSize + 1;
  const last = Math.min(sorted.length, current * pageSize);

  React.useEffect(() => setPage(1), [rows, search, pageSize]);

  const toggle = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'displayName' ? 'asc' : 'desc' }));

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="ambassador-table">
      <Flex gap={3} wrap="wrap" justifyContent="space-between" alignItems="flex-end">
        <Field.Root name="ambassador-search" id="ambassador-search" width="320px" maxWidth="100%">
          <Field.Label>Filtrer par nom</Field.Label>
          <TextInput
            placeholder="Nom de l'ambassadeur"
            value={search}
            startAction={<Search aria-hidden />}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSearch(e.target.value)}
            data-testid="ambassador-search"
          />
        </Field.Root>
        <Typography variant="pi" textColor="neutral600" data-testid="ambassador-count" aria-live="polite">
          {sorted.length === rows.length
            ? `${formatCount(rows.length)} ambassadeur${rows.length > 1 ? 's' : ''} avec une activité sur la période`
            : `${formatCount(sorted.length)} sur ${formatCount(rows.length)} ambassadeurs`}
        </Typography>
      </Flex>

      {sorted.length === 0 ? (
        <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
          <Typography textColor="neutral600">
            {rows.length === 0 ? 'Aucun ambassadeur n’a eu d’activité sur la période.' : 'Aucun ambassadeur ne correspond à ce nom.'}
          </Typography>
        </Box>
      ) : (
        <Table colCount={COLUMNS.length} rowCount={shown.length + 1}>
          <Thead>
            <Tr>
              {COLUMNS.map((c) => {
                const active = sort.key === c.key;
                const Icon = active && sort.dir === 'asc' ? CaretUp : CaretDown;
                return (
                  <Th key={c.key} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                    <SortButton type="button" onClick={() => toggle(c.key)} data-testid={`ambassador-sort-${c.key}`}>
                      <Typography variant="sigma" textColor={active ? 'primary600' : 'neutral600'}>
                        {c.label}
                      </Typography>
                      <Icon aria-hidden width="1rem" height="1rem" fill={active ? 'primary600' : 'neutral300'} />
                      <VisuallyHidden>{active ? (sort.dir === 'asc' ? ', tri croissant' : ', tri décroissant') : ', trier'}</VisuallyHidden>
                    </SortButton>
                  </Th>
                );
              })}
            </Tr>
          </Thead>
          <Tbody>
            {shown.map((a) => (
              <Tr key={a.documentId} data-testid="ambassador-row">
                <Td>
                  <Link tag={RouterLink} to={`${AMBASSADOR_PATH}/${a.documentId}`}>
                    {a.displayName}
                  </Link>
                </Td>
                <Td>
                  <Typography textColor="neutral800">{formatCount(a.contacts)}</Typography>
                </Td>
                <Td>
                  <Typography textColor="neutral800">{formatCount(a.installations)}</Typography>
                </Td>
                <Td>
                  <Typography textColor={a.satisfactionAverage === null ? 'neutral500' : 'neutral800'}>
                    {formatValue(a.satisfactionAverage, 'score')}
                  </Typography>
                </Td>
                <Td>
                  <Typography textColor="neutral800">{formatValue(a.hoursValidated, 'hours')}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}

      {sorted.length > PAGE_SIZES[0]! ? (
        <Flex gap={3} justifyContent="space-between" alignItems="center" wrap="wrap" tag="nav" aria-label="Pages des ambassadeurs">
          <Flex gap={2} alignItems="center">
            <SingleSelect
              size="S"
              aria-label="Lignes par page"
              value={String(pageSize)}
              onChange={(v: string | number) => setPageSize(Number(v))}
            >
              {PAGE_SIZES.map((n) => (
                <SingleSelectOption key={n} value={String(n)}>
                  {String(n)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Typography variant="pi" textColor="neutral600">
              lignes par page
            </Typography>
          </Flex>
          <Flex gap={2} alignItems="center">
            <Typography variant="pi" textColor="neutral600" data-testid="ambassador-range">
              {`${formatCount(first)}–${formatCount(last)} sur ${formatCount(sorted.length)} · page ${formatCount(current)} sur ${formatCount(pageCount)}`}
            </Typography>
            <Button
              size="S"
              variant="tertiary"
              startIcon={<ChevronLeft />}
              disabled={current <= 1}
              onClick={() => setPage(current - 1)}
              data-testid="ambassador-previous"
            >
              Précédent
            </Button>
            <Button
              size="S"
              variant="tertiary"
              endIcon={<ChevronRight />}
              disabled={current >= pageCount}
              onClick={() => setPage(current + 1)}
              data-testid="ambassador-next"
            >
              Suivant
            </Button>
          </Flex>
        </Flex>
      ) : null}
    </Flex>
  );
};

