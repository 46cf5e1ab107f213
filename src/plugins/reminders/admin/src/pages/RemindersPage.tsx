import * as React from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import {
  Box,
  Button,
  DatePicker,
  Dialog,
  EmptyStateLayout,
  Field,
  Flex,
  IconButton,
  Link,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, Cross, WarningCircle } from '@strapi/icons';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { Layouts, Page, Pagination, useFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import {
  RULE_LABELS,
  STATUSES,
  cleanParams,
  dayBoundary,
  documentPath,
  errorText,
  formatDateTime,
  formatRelative,
  explainError,
  pickerValue,
  isAbort,
  readApiError,
  recipientLabel,
  ruleLabel,
  statusLabel,
  subjectLabel,
  toDay,
  type Reminder,
  type ReminderList,
} from '../api';
import { StatusBadge } from '../components/StatusBadge';
import { useSubjectNames } from '../useSubjectNames';

const ALL = '__all__';
const DEFAULT_PAGE_SIZE = 20;

/** The page's state lives in the URL, so a filtered view can be linked to (the edit-view panel does). */
type Query = {
  status?: string;
  rule?: string;
  from?: string;
  to?: string;
  page?: string;
  pageSize?: string;
  filters?: { subjectUid?: string; subjectDocumentId?: string };
};

const positiveInt = (v: unknown, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export const RemindersPage = () => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [{ query }] = useQueryParams<Query>();
  const navigate = useNavigate();

  const status = typeof query.status === 'string' && (STATUSES as readonly string[]).includes(query.status) ? query.status : '';
  const rule = typeof query.rule === 'string' ? query.rule : '';
  const from = typeof query.from === 'string' ? query.from : '';
  const to = typeof query.to === 'string' ? query.to : '';
  const page = positiveInt(query.page, 1);
  const pageSize = Math.min(positiveInt(query.pageSize, DEFAULT_PAGE_SIZE), 200);
  const subjectUid = typeof query.filters?.subjectUid === 'string' ? query.filters.subjectUid : '';
  const subjectDocumentId = typeof query.filters?.subjectDocumentId === 'string' ? query.filters.subjectDocumentId : '';

  const [list, setList] = React.useState<ReminderList | null>(null);
  const [loading, setLoading] = React.useState(true);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState<number | null>(null);
  const [toCancel, setToCancel] = React.useState<Reminder | null>(null);
  const requestId = React.useRef(0);

  const load = React.useCallback(async () => {
    const id = ++requestId.current;
    setLoading(true);
    try {
      const params = cleanParams({
        status,
        rule,
        from: from ? dayBoundary(from, false) : undefined,
        to: to ? dayBoundary(to, true) : undefined,
        page,
        pageSize,
        filters: { subjectUid, subjectDocumentId },
      });
      const res = await get<ReminderList>('/reminders/list', { params });
      if (id !== requestId.current) return;
      setList(res.data);
      setError(null);
    } catch (e) {
      if (id !== requestId.current || isAbort(e)) return;
      setError(errorText(readApiError(e)));
    } finally {
      if (id === requestId.current) setLoading(false);
    }
  }, [get, status, rule, from, to, page, pageSize, subjectUid, subjectDocumentId]);

  React.useEffect(() => {
    load();
  }, [load]);

  const rows = list?.data ?? [];
  const pagination = list?.meta.pagination;
  const nameOf = useSubjectNames(rows);

  /** Writes the page's query (empty values left out); filters changes go back to page 1. */
  const writeQuery = (next: Query) => {
    const search = new URLSearchParams();
    for (const key of ['status', 'rule', 'from', 'to', 'page', 'pageSize'] as const) {
      const v = next[key];
      if (v) search.set(key, v);
    }
    if (next.filters?.subjectUid) search.set('filters[subjectUid]', next.filters.subjectUid);
    if (next.filters?.subjectDocumentId) search.set('filters[subjectDocumentId]', next.filters.subjectDocumentId);
    navigate({ search: search.toString() });
  };
  const current: Query = {
    status,
    rule,
    from,
    to,
    pageSize: query.pageSize ? String(pageSize) : undefined,
    filters: { subjectUid, subjectDocumentId },
  };
  const setFilters = (next: Partial<Record<'status' | 'rule' | 'from' | 'to', string>>) => writeQuery({ ...current, ...next });
  const clearAll = () => writeQuery({ pageSize: current.pageSize });
  const clearDocument = () => writeQuery({ ...current, filters: undefined });
  const hasFilters = Boolean(status || rule || from || to || subjectUid || subjectDocumentId);

  const retry = async (r: Reminder) => {
    setBusy(r.id);
    try {
      await post(`/reminders/${r.id}/retry`, {});
      toggleNotification({ type: 'success', message: `Relance « ${ruleLabel(r.rule)} » reprogrammée : elle part dans un instant.` });
    } catch (e) {
      toggleNotification({ type: 'danger', title: 'Impossible de relancer', message: errorText(readApiError(e)), timeout: 8000 });
    } finally {
      setBusy(null);
      await load();
    }
  };

  const cancel = async (r: Reminder) => {
    setBusy(r.id);
    try {
      await post(`/reminders/${r.id}/cancel`, {});
      toggleNotification({ type: 'success', message: `Relance « ${ruleLabel(r.rule)} » annulée.` });
    } catch (e) {
      toggleNotification({ type: 'danger', title: "Impossible d'annuler", message: errorText(readApiError(e)), timeout: 8000 });
    } finally {
      setBusy(null);
      setToCancel(null);
      await load();
    }
  };

  const total = pagination?.total ?? 0;
  const documentFilterLabel = subjectDocumentId
    ? `${subjectLabel(subjectUid || null)} : ${nameOf(subjectUid || null, subjectDocumentId) ?? subjectDocumentId}`
    : subjectUid
      ? subjectLabel(subjectUid)
      : null;

  if (!list && loading && !error) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>Relances</Page.Title>
      <Box data-testid="reminders-page">
        <Layouts.Header
          title="Relances"
          subtitle={
            list
              ? `${total} relance${total > 1 ? 's' : ''}${hasFilters ? ' correspondant aux filtres' : ''} · e-mails programmés à partir des délais des workflows`
              : undefined
          }
          primaryAction={
            <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={() => load()} loading={loading && list !== null}>
              Actualiser
            </Button>
          }
        />
        <Layouts.Action
          startActions={
            <Flex gap={3} alignItems="flex-end" wrap="wrap">
              <Field.Root name="reminders-status" id="reminders-status" width="200px" data-testid="reminders-filter-status">
                <Field.Label>Statut</Field.Label>
                <SingleSelect
                  value={status || ALL}
                  onChange={(v: string | number) => setFilters({ status: String(v) === ALL ? '' : String(v) })}
                >
                  <SingleSelectOption value={ALL}>Tous les statuts</SingleSelectOption>
                  {STATUSES.map((s) => (
                    <SingleSelectOption key={s} value={s}>
                      {statusLabel(s)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
              <Field.Root name="reminders-rule" id="reminders-rule" width="340px" data-testid="reminders-filter-rule">
                <Field.Label>Règle</Field.Label>
                <SingleSelect
                  value={rule || ALL}
                  onChange={(v: string | number) => setFilters({ rule: String(v) === ALL ? '' : String(v) })}
                >
                  <SingleSelectOption value={ALL}>Toutes les règles</SingleSelectOption>
                  {Object.entries(RULE_LABELS).map(([key, label]) => (
                    <SingleSelectOption key={key} value={key}>
                      {label}
                    </SingleSelectOption>
                  ))}
                  {rule && !RULE_LABELS[rule] ? <SingleSelectOption value={rule}>{rule}</SingleSelectOption> : null}
                </SingleSelect>
              </Field.Root>
              <Field.Root name="reminders-from" id="reminders-from" width="180px">
                <Field.Label>Échéance du</Field.Label>
                <DatePicker
                  locale="fr-FR"
                  value={pickerValue(from)}
                  maxDate={pickerValue(to)}
                  onChange={(d: Date | undefined) => setFilters({ from: d ? toDay(d) : '' })}
                  onClear={() => setFilters({ from: '' })}
                  clearLabel="Effacer la date"
                  placeholder="jj/mm/aaaa"
                  data-testid="reminders-filter-from"
                />
              </Field.Root>
              <Field.Root name="reminders-to" id="reminders-to" width="180px">
                <Field.Label>au</Field.Label>
                <DatePicker
                  locale="fr-FR"
                  value={pickerValue(to)}
                  minDate={pickerValue(from)}
                  onChange={(d: Date | undefined) => setFilters({ to: d ? toDay(d) : '' })}
                  onClear={() => setFilters({ to: '' })}
                  clearLabel="Effacer la date"
                  placeholder="jj/mm/aaaa"
                  data-testid="reminders-filter-to"
                />
              </Field.Root>
              {hasFilters ? (
                <Button variant="tertiary" size="L" onClick={clearAll} data-testid="reminders-clear-filters">
                  Effacer les filtres
                </Button>
              ) : null}
            </Flex>
          }
        />
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {documentFilterLabel ? (
              <Flex gap={2} alignItems="center" data-testid="reminders-filter-document">
                <Typography variant="omega" textColor="neutral600">
                  Document :
                </Typography>
                <Box
                  tag="span"
                  background="primary100"
                  borderColor="primary200"
                  borderStyle="solid"
                  borderWidth="1px"
                  paddingLeft={3}
                  paddingRight={1}
                  hasRadius
                  style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
                >
                  <Typography variant="omega" textColor="primary700" fontWeight="semiBold">
                    {documentFilterLabel}
                  </Typography>
                  <IconButton
                    variant="ghost"
                    size="S"
                    withTooltip={false}
                    onClick={clearDocument}
                    label="Retirer le filtre sur le document"
                    data-testid="reminders-filter-document-clear"
                  >
                    <Cross />
                  </IconButton>
                </Box>
                {subjectUid && subjectDocumentId ? (
                  <Link tag={RouterLink} to={`/content-manager/collection-types/${subjectUid}/${subjectDocumentId}`}>
                    Ouvrir la fiche
                  </Link>
                ) : null}
              </Flex>
            ) : null}

            {error ? (
              <Box background="danger100" borderColor="danger200" padding={4} hasRadius data-testid="reminders-error">
                <Typography textColor="danger700">Impossible de charger les relances : {error}</Typography>
              </Box>
            ) : null}

            {list && rows.length === 0 && !error ? (
              <EmptyStateLayout
                icon={<EmptyDocuments width="16rem" />}
                content={hasFilters ? 'Aucune relance ne correspond à ces filtres.' : 'Aucune relance pour le moment.'}
                action={
                  hasFilters ? (
                    <Button variant="secondary" onClick={clearAll}>
                      Effacer les filtres
                    </Button>
                  ) : undefined
                }
              />
            ) : null}

            {rows.length > 0 ? (
              <Box style={{ opacity: loading ? 0.6 : 1, transition: 'opacity 120ms' }}>
                <Table colCount={8} rowCount={rows.length + 1} data-testid="reminders-table">
                  <Thead>
                    <Tr>
                      <Th>
                        <Typography variant="sigma">Échéance</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">Règle</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">Destinataire</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">Statut</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">Tentatives</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">Dernière erreur</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">Document</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">Actions</Typography>
                      </Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {rows.map((r) => (
                      <Row
                        key={r.id}
                        reminder={r}
                        name={nameOf(r.subjectUid, r.subjectDocumentId)}
                        busy={busy === r.id}
                        disabled={busy !== null}
                        onRetry={() => retry(r)}
                        onCancel={() => setToCancel(r)}
                      />
                    ))}
                  </Tbody>
                </Table>
              </Box>
            ) : null}

            {pagination && pagination.total > 0 ? (
              <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={DEFAULT_PAGE_SIZE}>
                <Pagination.PageSize options={['10', '20', '50', '100']} />
                <Pagination.Links />
              </Pagination.Root>
            ) : null}
          </Flex>
        </Layouts.Content>
      </Box>

      <Dialog.Root open={toCancel !== null} onOpenChange={(open: boolean) => (!open && busy === null ? setToCancel(null) : undefined)}>
        {toCancel ? (
          <Dialog.Content>
            <Dialog.Header>Annuler la relance ?</Dialog.Header>
            <Dialog.Body icon={<WarningCircle fill="danger600" />}>
              <Flex direction="column" alignItems="center" gap={2}>
                <Typography textAlign="center">
                  La relance « {ruleLabel(toCancel.rule)} » prévue le {formatDateTime(toCancel.dueAt)} pour{' '}
                  {recipientLabel(toCancel.recipient)} ne sera pas envoyée.
                </Typography>
                <Typography textAlign="center" variant="pi" textColor="neutral600">
                  Cette action est définitive : une relance annulée ne peut pas être reprogrammée.
                </Typography>
              </Flex>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.Cancel>
                <Button fullWidth variant="tertiary" disabled={busy !== null}>
                  Garder la relance
                </Button>
              </Dialog.Cancel>
              <Button
                fullWidth
                variant="danger-light"
                loading={busy === toCancel.id}
                onClick={() => cancel(toCancel)}
                data-testid="reminders-cancel-confirm"
              >
                Annuler la relance
              </Button>
            </Dialog.Footer>
          </Dialog.Content>
        ) : null}
      </Dialog.Root>
    </Page.Main>
  );
};

type RowProps = {
  reminder: Reminder;
  name: string | null;
  busy: boolean;
  disabled: boolean;
  onRetry: () => void;
  onCancel: () => void;
};

const Row = ({ reminder: r, name, busy, disabled, onRetry, onCancel }: RowProps) => {
  const path = documentPath(r);
  const copies = (r.copyTo ?? []).map(recipientLabel);
  const overdue = r.status === 'scheduled' && new Date(r.dueAt).getTime() < Date.now();
  return (
    <Tr data-testid={`reminders-row-${r.id}`} data-status={r.status} data-rule={r.rule}>
      <Td>
        <Flex direction="column" alignItems="flex-start">
          <Typography textColor="neutral800" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(r.dueAt)}
          </Typography>
          {r.status === 'scheduled' ? (
            <Typography variant="pi" textColor={overdue ? 'warning600' : 'neutral500'}>
              {overdue ? `en attente d'envoi (${formatRelative(r.dueAt)})` : formatRelative(r.dueAt)}
            </Typography>
          ) : null}
        </Flex>
      </Td>
      <Td style={{ maxWidth: 280, whiteSpace: 'normal' }}>
        <Typography textColor="neutral800" fontWeight="semiBold" title={r.rule}>
          {ruleLabel(r.rule)}
        </Typography>
      </Td>
      <Td>
        <Flex direction="column" alignItems="flex-start">
          <Typography textColor="neutral800">{recipientLabel(r.recipient)}</Typography>
          {copies.length > 0 ? (
            <Typography variant="pi" textColor="neutral600">
              copie : {copies.join(', ')}
            </Typography>
          ) : null}
        </Flex>
      </Td>
      <Td>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <StatusBadge status={r.status} data-testid={`reminders-status-${r.id}`} />
          {r.status === 'sent' && r.sentAt ? (
            <Typography variant="pi" textColor="neutral500" style={{ whiteSpace: 'nowrap' }}>
              le {formatDateTime(r.sentAt)}
            </Typography>
          ) : null}
        </Flex>
      </Td>
      <Td>
        <Typography textColor={r.attempts > 0 && r.status === 'failed' ? 'danger600' : 'neutral800'}>{r.attempts}</Typography>
      </Td>
      <Td style={{ maxWidth: 260, whiteSpace: 'normal' }}>
        {r.lastError ? (
          <Typography
            variant="pi"
            textColor={r.status === 'failed' ? 'danger600' : 'neutral600'}
            title={r.lastError}
            data-testid={`reminders-error-${r.id}`}
            style={{
              display: '-webkit-box',
              WebkitLineClamp: 2,
              WebkitBoxOrient: 'vertical',
              overflow: 'hidden',
              wordBreak: 'break-word',
            }}
          >
            {explainError(r.lastError)}
          </Typography>
        ) : (
          <Typography variant="pi" textColor="neutral400">
            —
          </Typography>
        )}
      </Td>
      <Td style={{ maxWidth: 220, whiteSpace: 'normal' }}>
        {path ? (
          <Flex direction="column" alignItems="flex-start">
            <Link tag={RouterLink} to={path} data-testid={`reminders-document-${r.id}`}>
              {name ?? subjectLabel(r.subjectUid)}
            </Link>
            {name ? (
              <Typography variant="pi" textColor="neutral500">
                {subjectLabel(r.subjectUid)}
              </Typography>
            ) : null}
          </Flex>
        ) : (
          <Typography variant="pi" textColor="neutral500">
            {r.subjectUid ? subjectLabel(r.subjectUid) : 'Toute la coordination'}
          </Typography>
        )}
      </Td>
      <Td>
        <Flex gap={2}>
          {r.status === 'failed' ? (
            <Button
              size="S"
              variant="secondary"
              startIcon={<ArrowClockwise />}
              loading={busy}
              disabled={disabled}
              onClick={onRetry}
              data-testid={`reminders-retry-${r.id}`}
            >
              Relancer
            </Button>
          ) : null}
          {r.status === 'scheduled' ? (
            <Button
              size="S"
              variant="danger-light"
              startIcon={<Cross />}
              loading={busy}
              disabled={disabled}
              onClick={onCancel}
              data-testid={`reminders-cancel-${r.id}`}
            >
              Annuler
            </Button>
          ) : null}
        </Flex>
      </Td>
    </Tr>
  );
};

export default RemindersPage;
