import * as React from 'react';
import { useNavigate } from 'react-router-dom';
import { styled } from 'styled-components';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, Search } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import {
  CASE_UID,
  DEFAULT_COLOR,
  PROFESSION_LABELS,
  errorMessages,
  readApiError,
  stateMap,
  tint,
  transitionErrorTitle,
  type Board,
  type BoardCard,
  type StateInfo,
  type TransitionInfo,
} from '../api';

const ALL = '__all__';
const NONE = '__none__';
const DRAG_TYPE = 'application/x-workflow-card';

/** Lower case, no accents: "Hélène" matches "helene". */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

const newcomerName = (card: BoardCard) =>
  [card.doc.newcomerFirstName, card.doc.newcomerLastName].filter(Boolean).join(' ') || 'Sans nom';

const ambassadorKey = (card: BoardCard) => card.doc.ambassador?.documentId ?? card.doc.ambassador?.displayName ?? NONE;

/** The targets a card may be moved to from its state, per the definition (roles and guards are checked by the server). */
const targetsFrom = (transitions: TransitionInfo[], from: string) => {
  const seen = new Set<string>();
  return transitions.filter((t) => t.from.includes(from) && t.to !== from && !seen.has(t.to) && seen.add(t.to));
};

export const BoardPage = () => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();

  const [board, setBoard] = React.useState<Board | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [search, setSearch] = React.useState('');
  const [ambassador, setAmbassador] = React.useState<string>(ALL);
  const [moving, setMoving] = React.useState<string | null>(null);
  const [dragging, setDragging] = React.useState<BoardCard | null>(null);
  const [over, setOver] = React.useState<string | null>(null);

  const load = React.useCallback(async () => {
    try {
      const res = await get<{ data: Board }>(`/workflow/board/${CASE_UID}`);
      setBoard(res.data.data);
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

  const states = board?.definition.states ?? [];
  const transitions = board?.definition.transitions ?? [];
  const byKey = React.useMemo(() => stateMap(states), [states]);

  const ambassadors = React.useMemo(() => {
    const map = new Map<string, string>();
    for (const card of board?.cards ?? []) {
      const a = card.doc.ambassador;
      if (a) map.set(ambassadorKey(card), a.displayName ?? 'Sans nom');
    }
    return [...map.entries()].sort((a, b) => a[1].localeCompare(b[1], 'fr'));
  }, [board]);

  const visible = React.useMemo(() => {
    const q = fold(search);
    return (board?.cards ?? []).filter((card) => {
      if (q && !fold(newcomerName(card)).includes(q)) return false;
      if (ambassador !== ALL && ambassadorKey(card) !== ambassador) return false;
      return true;
    });
  }, [board, search, ambassador]);

  const move = async (card: BoardCard, to: string) => {
    if (to === card.state) return;
    const label = byKey.get(to)?.label ?? to;
    if (!transitions.some((t) => t.from.includes(card.state) && t.to === to)) {
      toggleNotification({
        type: 'warning',
        title: 'Déplacement impossible',
        message: `Aucune transition de « ${byKey.get(card.state)?.label ?? card.state} » vers « ${label} ».`,
      });
      return;
    }
    setMoving(card.documentId);
    try {
      await post(`/workflow/documents/${CASE_UID}/${card.documentId}/transitions`, { to, expectedState: card.state });
      toggleNotification({ type: 'success', message: `${newcomerName(card)} : ${label}` });
    } catch (e) {
      const info = readApiError(e);
      toggleNotification({
        type: info.status === 409 ? 'warning' : 'danger',
        title: `${transitionErrorTitle(info)} — ${newcomerName(card)}`,
        message: errorMessages(info).join(' · '),
        timeout: 8000,
      });
    } finally {
      setMoving(null);
      await load();
    }
  };

  const open = (card: BoardCard) => navigate(`/content-manager/collection-types/${CASE_UID}/${card.documentId}`);

  if (error) {
    return (
      <Page.Main>
        <Page.Title>Accompagnements</Page.Title>
        <Layouts.Header title="Accompagnements" />
        <Layouts.Content>
          <Typography textColor="danger600">Impossible de charger le tableau : {error}</Typography>
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!board) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>Accompagnements</Page.Title>
      <Layouts.Header
        title="Accompagnements"
        subtitle={`${board.cards.length} accompagnement${board.cards.length > 1 ? 's' : ''} · glissez une carte vers une autre colonne ou utilisez « Déplacer vers… »`}
        primaryAction={
          <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={() => load()}>
            Actualiser
          </Button>
        }
      />
      <Layouts.Action
        startActions={
          <Flex gap={3} alignItems="flex-end" wrap="wrap">
            <Field.Root name="board-search" id="board-search" width="280px">
              <Field.Label>Rechercher</Field.Label>
              <TextInput
                placeholder="Nom du professionnel accompagné"
                value={search}
                startAction={<Search />}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSearch(e.target.value)}
                data-testid="board-search"
              />
            </Field.Root>
            <Field.Root name="board-ambassador" id="board-ambassador" width="260px" data-testid="board-ambassador">
              <Field.Label>Ambassadeur</Field.Label>
              <SingleSelect
                value={ambassador}
                onChange={(v: string | number) => setAmbassador(String(v))}
              >
                <SingleSelectOption value={ALL}>Tous les ambassadeurs</SingleSelectOption>
                <SingleSelectOption value={NONE}>Non affecté</SingleSelectOption>
                {ambassadors.map(([key, name]) => (
                  <SingleSelectOption key={key} value={key}>
                    {name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            {search || ambassador !== ALL ? (
              <Button
                variant="tertiary"
                onClick={() => {
                  setSearch('');
                  setAmbassador(ALL);
                }}
              >
                Effacer les filtres
              </Button>
            ) : null}
          </Flex>
        }
      />
      <Box paddingLeft={{ initial: 4, medium: 10 }} paddingRight={{ initial: 4, medium: 10 }} paddingBottom={10}>
        <Flex gap={3} alignItems="stretch" style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="board">
          {states.map((state) => {
            const cards = visible.filter((c) => c.state === state.key);
            const droppable = dragging
              ? dragging.state !== state.key && transitions.some((t) => t.from.includes(dragging.state) && t.to === state.key)
              : false;
            return (
              <Column
                key={state.key}
                state={state}
                count={cards.length}
                dragging={dragging !== null && dragging.state !== state.key}
                droppable={droppable}
                over={over === state.key}
                onDragOver={(e) => {
                  if (!dragging || dragging.state === state.key) return;
                  e.preventDefault();
                  // Dropping on a column without a transition is allowed so the refusal can be explained.
                  e.dataTransfer.dropEffect = 'move';
                  if (over !== state.key) setOver(state.key);
                }}
                onDragLeave={() => setOver((o) => (o === state.key ? null : o))}
                onDrop={(e) => {
                  e.preventDefault();
                  setOver(null);
                  const id = e.dataTransfer.getData(DRAG_TYPE) || e.dataTransfer.getData('text/plain');
                  const card = board.cards.find((c) => c.documentId === id) ?? dragging;
                  setDragging(null);
                  if (card && card.state !== state.key) move(card, state.key);
                }}
              >
                {cards.map((card) => (
                  <Card
                    key={card.documentId}
                    card={card}
                    targets={targetsFrom(transitions, card.state).map((t) => byKey.get(t.to) ?? { key: t.to, label: t.to, final: false, color: null })}
                    moving={moving === card.documentId}
                    onOpen={() => open(card)}
                    onMove={(to) => move(card, to)}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(DRAG_TYPE, card.documentId);
                      e.dataTransfer.setData('text/plain', card.documentId);
                      e.dataTransfer.effectAllowed = 'move';
                      setDragging(card);
                    }}
                    onDragEnd={() => {
                      setDragging(null);
                      setOver(null);
                    }}
                  />
                ))}
              </Column>
            );
          })}
        </Flex>
      </Box>
    </Page.Main>
  );
};

type ColumnProps = {
  state: StateInfo;
  count: number;
  dragging: boolean;
  droppable: boolean;
  over: boolean;
  children: React.ReactNode;
  onDragOver: (e: React.DragEvent<HTMLDivElement>) => void;
  onDragLeave: (e: React.DragEvent<HTMLDivElement>) => void;
  onDrop: (e: React.DragEvent<HTMLDivElement>) => void;
};

const Column = ({ state, count, dragging, droppable, over, children, onDragOver, onDragLeave, onDrop }: ColumnProps) => {
  const color = state.color || DEFAULT_COLOR;
  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={2}
      padding={2}
      hasRadius
      background="neutral100"
      data-testid={`board-column-${state.key}`}
      data-state={state.key}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      style={{
        minWidth: 248,
        width: 248,
        flexShrink: 0,
        minHeight: 320,
        borderTop: `4px solid ${color}`,
        outline: dragging ? (over ? `2px solid ${droppable ? color : '#D02B20'}` : droppable ? `2px dashed ${color}` : 'none') : 'none',
        opacity: dragging && !droppable ? 0.6 : 1,
        transition: 'opacity 120ms',
      }}
    >
      <Flex justifyContent="space-between" alignItems="center" paddingLeft={1} paddingRight={1} paddingBottom={1}>
        <Flex gap={2} alignItems="center">
          <Box style={{ width: 10, height: 10, borderRadius: 999, backgroundColor: color, flexShrink: 0 }} />
          <Typography variant="omega" fontWeight="bold" textColor="neutral800">
            {state.label}
            {state.final ? ' ✓' : ''}
          </Typography>
        </Flex>
        <Box
          tag="span"
          paddingLeft={2}
          paddingRight={2}
          style={{ backgroundColor: tint(color, 0.18), borderRadius: 999 }}
          data-testid={`board-count-${state.key}`}
        >
          <Typography variant="pi" fontWeight="bold" textColor="neutral800">
            {count}
          </Typography>
        </Box>
      </Flex>
      {children}
      {count === 0 ? (
        <Box padding={3}>
          <Typography variant="pi" textColor="neutral500">
            Aucun accompagnement
          </Typography>
        </Box>
      ) : null}
    </Flex>
  );
};

type CardProps = {
  card: BoardCard;
  targets: StateInfo[];
  moving: boolean;
  onOpen: () => void;
  onMove: (to: string) => void;
  onDragStart: (e: React.DragEvent<HTMLDivElement>) => void;
  onDragEnd: (e: React.DragEvent<HTMLDivElement>) => void;
};

const MoveSelect = styled.select`
  width: 100%;
  font-size: 1.2rem;
  padding: 4px 6px;
  border-radius: ${({ theme }) => theme.borderRadius};
  border: 1px solid ${({ theme }) => theme.colors.neutral200};
  background: ${({ theme }) => theme.colors.neutral0};
  color: ${({ theme }) => theme.colors.neutral800};
  cursor: pointer;
  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 1px;
  }
`;

const Card = ({ card, targets, moving, onOpen, onMove, onDragStart, onDragEnd }: CardProps) => {
  const profession = card.doc.profession ? PROFESSION_LABELS[card.doc.profession] ?? card.doc.profession : null;
  const ambassador = card.doc.ambassador?.displayName;
  const stop = (e: React.SyntheticEvent) => e.stopPropagation();
  return (
    <Box
      background="neutral0"
      padding={3}
      hasRadius
      shadow="tableShadow"
      draggable={!moving}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onClick={onOpen}
      onKeyDown={(e: React.KeyboardEvent<HTMLDivElement>) => {
        if ((e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget) {
          e.preventDefault();
          onOpen();
        }
      }}
      role="link"
      tabIndex={0}
      aria-label={`Ouvrir l'accompagnement de ${newcomerName(card)}`}
      data-testid={`board-card-${card.documentId}`}
      data-state={card.state}
      style={{ cursor: moving ? 'progress' : 'grab', opacity: moving ? 0.5 : 1 }}
    >
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={2}>
          <Typography variant="omega" fontWeight="bold" textColor="neutral800">
            {newcomerName(card)}
          </Typography>
          {card.overdue ? (
            <Badge variant="danger" size="S" data-testid="board-card-overdue">
              En retard
            </Badge>
          ) : null}
        </Flex>
        {profession ? (
          <Typography variant="pi" textColor="neutral600">
            {profession}
          </Typography>
        ) : null}
        <Typography variant="pi" textColor={ambassador ? 'neutral700' : 'warning600'}>
          {ambassador ? `Ambassadeur : ${ambassador}` : 'Non affecté'}
        </Typography>
        <Typography variant="pi" textColor={card.overdue ? 'danger600' : 'neutral500'}>
          {card.daysInState} j dans l'étape
        </Typography>
        {targets.length > 0 ? (
          <Box paddingTop={1} onClick={stop} onKeyDown={stop} onMouseDown={stop}>
            <MoveSelect
              aria-label={`Déplacer ${newcomerName(card)} vers…`}
              data-testid={`board-move-${card.documentId}`}
              value=""
              disabled={moving}
              draggable={false}
              onDragStart={(e) => e.preventDefault()}
              onChange={(e) => {
                const to = e.target.value;
                if (to) onMove(to);
              }}
            >
              <option value="">Déplacer vers…</option>
              {targets.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                </option>
              ))}
            </MoveSelect>
          </Box>
        ) : null}
      </Flex>
    </Box>
  );
};

export default BoardPage;
