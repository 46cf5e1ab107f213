import * as React from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { styled } from 'styled-components';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  Link,
  Tabs,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, Check } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import {
  WORKFLOW_LABELS,
  errorMessages,
  formatDateTime,
  formatPath,
  readApiError,
  stateMap,
  type ApiErrorInfo,
  type Board,
  type BoardCard,
  type DefinitionInfo,
  type Problem,
} from '../api';
import { Diagram, modelFromRaw, type DiagramModel } from '../components/Diagram';
import { StateBadge } from '../components/StateBadge';
import { invalidateDefinitions } from '../useDefinitions';

type Validation =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'json'; message: string }
  | { status: 'done'; ok: boolean; problems: Problem[] }
  | { status: 'error'; message: string };

const pretty = (value: unknown) => JSON.stringify(value, null, 2);
const ORDER = ['case', 'ambassador', 'time-declaration'];
const orderOf = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);

/** A readable name for a document of any workflow-enabled type. */
const documentTitle = (doc: BoardCard['doc']): string => {
  const d = doc as Record<string, unknown>;
  const person = [d.newcomerFirstName, d.newcomerLastName].filter((x) => typeof x === 'string' && x).join(' ');
  if (person) return person;
  for (const field of ['displayName', 'title', 'name', 'label']) if (typeof d[field] === 'string' && d[field]) return d[field] as string;
  const amb = d.ambassador as { displayName?: string } | null | undefined;
  if (amb?.displayName) return typeof d.month === 'string' ? `${amb.displayName} · ${d.month}` : `${amb.displayName} (${doc.documentId})`;
  return doc.documentId;
};

const ROLE_LABELS: Record<string, string> = {
  coordinator: 'Coordination',
  ambassador: 'Ambassadeur',
  assignedAmbassador: 'Ambassadeur assigné',
  communication: 'Communication',
  system: 'Système',
};

export const DefinitionsPage = () => {
  const { get } = useFetchClient();
  const [definitions, setDefinitions] = React.useState<DefinitionInfo[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [selected, setSelected] = React.useState<string>('case');

  const load = React.useCallback(async () => {
    try {
      const res = await get<{ data: DefinitionInfo[] }>('/workflow/definitions');
      setDefinitions(res.data.data);
      setError(null);
    } catch (e) {
      const info = readApiError(e);
      if (info.name === 'AbortError') return;
      setError(errorMessages(info).join(' · '));
    }
  }, [get]);

  React.useEffect(() => {
    load();
  }, [load]);

  if (error) {
    return (
      <Page.Main>
        <Page.Title>Workflows</Page.Title>
        <Layouts.Header title="Workflows" />
        <Layouts.Content>
          <Typography textColor="danger600">Impossible de charger les workflows : {error}</Typography>
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!definitions) return <Page.Loading />;

  const current = definitions.find((d) => d.name === selected) ?? definitions[0];
  const ordered = [...definitions].sort((a, b) => orderOf(a.name) - orderOf(b.name) || a.name.localeCompare(b.name));

  return (
    <Page.Main>
      <Page.Title>Workflows</Page.Title>
      <Layouts.Header
        title="Workflows"
        subtitle="Étapes, transitions et conditions de chaque processus. Chaque enregistrement crée une nouvelle version."
        primaryAction={
          <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={() => load()}>
            Actualiser
          </Button>
        }
      />
      <Layouts.Content>
        {definitions.length === 0 ? (
          <Typography>Aucun workflow installé.</Typography>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Tabs.Root value={current.name} onValueChange={setSelected} variant="simple">
              <Tabs.List aria-label="Workflows">
                {ordered.map((d) => (
                  <Tabs.Trigger key={d.name} value={d.name} data-testid={`workflow-tab-${d.name}`}>
                    {WORKFLOW_LABELS[d.name] ?? d.name}
                  </Tabs.Trigger>
                ))}
              </Tabs.List>
            </Tabs.Root>
            {/* key: a fresh editor per definition and per saved version */}
            <DefinitionView key={`${current.name}@${current.version}`} definition={current} onSaved={load} />
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

const Section = ({ title, children, testid }: { title: string; children: React.ReactNode; testid?: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-testid={testid}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);

const DefinitionView = ({ definition, onSaved }: { definition: DefinitionInfo; onSaved: () => Promise<void> }) => {
  const { get, post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const saved = React.useMemo(() => pretty(definition.definition), [definition]);
  const [text, setText] = React.useState(saved);
  const [validation, setValidation] = React.useState<Validation>({ status: 'idle' });
  const [saving, setSaving] = React.useState(false);
  const [saveError, setSaveError] = React.useState<ApiErrorInfo | null>(null);
  const [showLabels, setShowLabels] = React.useState(true);
  const request = React.useRef(0);

  const parsed = React.useMemo(() => {
    try {
      return { ok: true as const, value: JSON.parse(text) as unknown };
    } catch (e) {
      return { ok: false as const, message: (e as Error).message };
    }
  }, [text]);
  const dirty = text !== saved;

  // Live validation: debounced POST /workflow/definitions/validate; stale answers are dropped.
  React.useEffect(() => {
    if (!parsed.ok) {
      setValidation({ status: 'json', message: parsed.message });
      return;
    }
    const id = ++request.current;
    setValidation({ status: 'checking' });
    const timer = setTimeout(async () => {
      try {
        const res = await post<{ data: { ok: boolean; problems: Problem[] } }>('/workflow/definitions/validate', {
          definition: parsed.value,
        });
        if (id === request.current) setValidation({ status: 'done', ok: res.data.data.ok, problems: res.data.data.problems ?? [] });
      } catch (e) {
        const info = readApiError(e);
        if (info.name === 'AbortError' || id !== request.current) return;
        if (info.errors.length) setValidation({ status: 'done', ok: false, problems: info.errors });
        else setValidation({ status: 'error', message: errorMessages(info).join(' · ') });
      }
    }, 400);
    return () => clearTimeout(timer);
  }, [parsed, post]);

  const draftModel = React.useMemo(() => (parsed.ok ? modelFromRaw(parsed.value) : null), [parsed]);
  const savedModel: DiagramModel = React.useMemo(
    () => ({ initial: definition.initial, states: definition.states, transitions: definition.transitions }),
    [definition]
  );
  const model = dirty && draftModel && draftModel.states.length > 0 ? draftModel : savedModel;
  const states = stateMap(definition.states);
  const [titles, setTitles] = React.useState<Map<string, string>>(new Map());

  // Name the stranded documents (the 400 lists only their ids and states).
  React.useEffect(() => {
    if (!saveError?.affected.length) return;
    let alive = true;
    get<{ data: Board }>(`/workflow/board/${definition.contentType}`)
      .then((res) => {
        if (alive) setTitles(new Map(res.data.data.cards.map((c) => [c.documentId, documentTitle(c.doc)])));
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [saveError, get, definition.contentType]);

  const canSave = parsed.ok && dirty && !saving && !(validation.status === 'done' && !validation.ok) && validation.status !== 'json';

  const save = async () => {
    if (!parsed.ok) return;
    setSaving(true);
    setSaveError(null);
    try {
      const res = await put<{ data: { version: number } }>(`/workflow/definitions/${encodeURIComponent(definition.name)}`, {
        definition: parsed.value,
      });
      toggleNotification({ type: 'success', message: `Version ${res.data.data.version} enregistrée` });
      invalidateDefinitions();
      await onSaved();
    } catch (e) {
      const info = readApiError(e);
      setSaveError(info);
      toggleNotification({
        type: 'danger',
        title: info.status === 403 ? 'Enregistrement non autorisé' : 'Enregistrement refusé',
        message: errorMessages(info).join(' · '),
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Section title={`Diagramme${model === draftModel ? ' (brouillon non enregistré)' : ''}`} testid="workflow-diagram-section">
        <Flex gap={4} wrap="wrap" alignItems="center" justifyContent="space-between">
          <Typography variant="pi" textColor="neutral600">
            {WORKFLOW_LABELS[definition.name] ?? definition.name} · <code>{definition.contentType}</code> · version en
            vigueur : {definition.version} · {model.states.length} étapes · {model.transitions.length} transitions
          </Typography>
          <Checkbox checked={showLabels} onCheckedChange={(v: boolean | 'indeterminate') => setShowLabels(v === true)}>
            Afficher les libellés des transitions
          </Checkbox>
        </Flex>
        <Grid.Root gap={6}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Diagram model={model} showLabels={showLabels} />
            <Box paddingTop={2}>
              <Typography variant="pi" textColor="neutral600">
                ● ↓ étape initiale · double contour : étape finale · à droite : vers une étape plus bas · à gauche (pointillés) :
                retour vers une étape plus haut · survolez une étape pour voir ses transitions.
              </Typography>
            </Box>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TransitionsTable model={model} />
          </Grid.Item>
        </Grid.Root>
      </Section>

      <Grid.Root gap={6}>
        <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
          <Section title="Éditeur (JSON)" testid="workflow-editor">
            <Field.Root name="definition" id={`definition-${definition.name}`} hint="La définition complète : étapes, transitions, conditions, minuteries.">
              <Field.Label>Définition « {definition.name} »</Field.Label>
              <Textarea
                value={text}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => {
                  setText(e.target.value);
                  setSaveError(null);
                }}
                spellCheck={false}
                data-testid="workflow-definition-json"
                style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12, minHeight: 480, lineHeight: 1.45 }}
              />
              <Field.Hint />
            </Field.Root>
            <ValidationView validation={validation} />
            {saveError ? <SaveErrorView info={saveError} contentType={definition.contentType} states={states} titles={titles} /> : null}
            <Flex gap={2} justifyContent="flex-end">
              <Button variant="tertiary" disabled={!dirty || saving} onClick={() => { setText(saved); setSaveError(null); }}>
                Annuler les modifications
              </Button>
              <Button startIcon={<Check />} disabled={!canSave} loading={saving} onClick={save} data-testid="workflow-save">
                Enregistrer une nouvelle version
              </Button>
            </Flex>
          </Section>
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <Flex direction="column" alignItems="stretch" gap={6} width="100%">
            <Section title="Versions" testid="workflow-versions">
              <Flex tag="ol" direction="column" alignItems="stretch" gap={3}>
                {definition.versions.map((v, i) => (
                  <Flex tag="li" key={v.version} direction="column" alignItems="flex-start" gap={1} data-testid="workflow-version-item">
                    <Flex gap={2}>
                      <Typography fontWeight="bold">Version {v.version}</Typography>
                      {i === 0 ? (
                        <Badge variant="success" size="S">
                          en vigueur
                        </Badge>
                      ) : null}
                    </Flex>
                    <Typography variant="pi" textColor="neutral600">
                      {v.savedAt ? formatDateTime(v.savedAt) : 'date inconnue'}
                      {v.savedBy ? ` · ${v.savedBy}` : ''}
                    </Typography>
                  </Flex>
                ))}
              </Flex>
            </Section>
            <Section title="Étapes">
              <Flex direction="column" alignItems="stretch" gap={2}>
                {definition.states.map((s) => (
                  <Flex key={s.key} gap={2} justifyContent="space-between">
                    <StateBadge label={s.label} color={s.color} final={s.final} size="S" />
                    <Typography variant="pi" textColor="neutral600">
                      <code>{s.key}</code>
                      {s.key === definition.initial ? ' · initiale' : ''}
                    </Typography>
                  </Flex>
                ))}
              </Flex>
            </Section>
          </Flex>
        </Grid.Item>
      </Grid.Root>
    </Flex>
  );
};

const Table = styled.table`
  width: 100%;
  border-collapse: collapse;
  font-size: 1.2rem;
  color: ${({ theme }) => theme.colors.neutral800};
  th {
    text-align: left;
    font-weight: 600;
    color: ${({ theme }) => theme.colors.neutral600};
    text-transform: uppercase;
    font-size: 1.1rem;
    padding: 6px 8px;
    border-bottom: 1px solid ${({ theme }) => theme.colors.neutral200};
  }
  td {
    padding: 6px 8px;
    vertical-align: top;
    border-bottom: 1px solid ${({ theme }) => theme.colors.neutral150};
  }
  code {
    font-size: 1.1rem;
  }
`;

const TransitionsTable = ({ model }: { model: DiagramModel }) => {
  const states = stateMap(model.states);
  const name = (key: string) => states.get(key)?.label ?? key;
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Table data-testid="workflow-transitions-table">
        <thead>
          <tr>
            <th>De</th>
            <th>Vers</th>
            <th>Transition</th>
            <th>Rôles</th>
            <th>Conditions</th>
          </tr>
        </thead>
        <tbody>
          {model.transitions.map((t, i) => (
            <tr key={i}>
              <td>{t.from.map(name).join(', ')}</td>
              <td>
                <StateBadge label={name(t.to)} color={states.get(t.to)?.color} final={states.get(t.to)?.final} size="S" />
              </td>
              <td>{t.label}</td>
              <td>{t.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}</td>
              <td>
                {t.guards.length === 0
                  ? '—'
                  : t.guards.map((g, k) => (
                      <div key={k} title={g.params ? JSON.stringify(g.params) : undefined}>
                        <code>{g.name}</code>
                      </div>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Box>
  );
};

const ValidationView = ({ validation }: { validation: Validation }) => {
  switch (validation.status) {
    case 'idle':
      return null;
    case 'checking':
      return (
        <Typography variant="pi" textColor="neutral600" data-testid="workflow-validation" data-status="checking">
          Vérification…
        </Typography>
      );
    case 'json':
      return (
        <Box background="danger100" padding={3} hasRadius data-testid="workflow-validation" data-status="json">
          <Typography textColor="danger700" variant="omega">
            JSON invalide : {validation.message}
          </Typography>
        </Box>
      );
    case 'error':
      return (
        <Box background="danger100" padding={3} hasRadius data-testid="workflow-validation" data-status="error">
          <Typography textColor="danger700">La validation a échoué : {validation.message}</Typography>
        </Box>
      );
    case 'done':
      return validation.ok ? (
        <Box background="success100" padding={3} hasRadius data-testid="workflow-validation" data-status="ok">
          <Typography textColor="success700">Définition valide.</Typography>
        </Box>
      ) : (
        <Box background="danger100" padding={3} hasRadius data-testid="workflow-validation" data-status="problems">
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography textColor="danger700" fontWeight="bold">
              {validation.problems.length} problème{validation.problems.length > 1 ? 's' : ''} :
            </Typography>
            <ProblemList problems={validation.problems} />
          </Flex>
        </Box>
      );
  }
};

const ProblemList = ({ problems }: { problems: Problem[] }) => (
  <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
    {problems.map((p, i) => (
      <li key={i} data-testid="workflow-problem">
        <Typography variant="pi" textColor="danger700">
          <code style={{ fontWeight: 600 }}>{formatPath(p.path ?? [])}</code> — {p.message}
        </Typography>
      </li>
    ))}
  </Flex>
);

const SaveErrorView = ({
  info,
  contentType,
  states,
  titles,
}: {
  info: ApiErrorInfo;
  contentType: string;
  states: ReturnType<typeof stateMap>;
  titles: Map<string, string>;
}) => {
  if (info.status === 403) {
    return (
      <Box background="danger100" padding={4} hasRadius data-testid="workflow-save-error" data-status="403">
        <Typography textColor="danger700" fontWeight="bold" tag="p">
          Enregistrement non autorisé (403)
        </Typography>
        <Typography textColor="danger700" tag="p">
          Seule la coordination (rôle « Coordination ») ou un Super Admin peut modifier un workflow. ({info.message})
        </Typography>
      </Box>
    );
  }
  return (
    <Box background="danger100" padding={4} hasRadius data-testid="workflow-save-error" data-status={String(info.status ?? '')}>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography textColor="danger700" fontWeight="bold">
          Enregistrement refusé{info.status ? ` (${info.status})` : ''} : {info.message}
        </Typography>
        {info.errors.length ? <ProblemList problems={info.errors} /> : null}
        {info.affected.length ? (
          <Flex direction="column" alignItems="stretch" gap={1} data-testid="workflow-affected">
            <Typography textColor="danger700" fontWeight="bold">
              {info.affected.length} document{info.affected.length > 1 ? 's' : ''} dans une étape supprimée :
            </Typography>
            <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
              {info.affected.map((a) => (
                <li key={a.documentId} data-testid="workflow-affected-item">
                  <Flex gap={2}>
                    <Link tag={RouterLink} to={`/content-manager/collection-types/${contentType}/${a.documentId}`}>
                      {titles.get(a.documentId) ?? a.documentId}
                    </Link>
                    <Typography variant="pi" textColor="danger700">
                      — {states.get(a.state)?.label ?? a.state}
                    </Typography>
                  </Flex>
                </li>
              ))}
            </Flex>
          </Flex>
        ) : null}
      </Flex>
    </Box>
  );
};

export default DefinitionsPage;
