import * as React from 'react';
import { Box } from '@strapi/design-system';
import { useTheme } from 'styled-components';
import { DEFAULT_COLOR, tint, type StateInfo } from '../api';

export type DiagramTransition = { from: string[]; to: string; label: string; roles: string[]; guards: Array<{ name: string; params?: unknown }> };
export type DiagramModel = { initial: string; states: StateInfo[]; transitions: DiagramTransition[] };

/** A diagram model from a raw definition object (the editor's draft); null if it has not the shape. */
export const modelFromRaw = (raw: unknown): DiagramModel | null => {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as { initial?: unknown; states?: unknown; transitions?: unknown };
  if (!r.states || typeof r.states !== 'object' || Array.isArray(r.states)) return null;
  const states: StateInfo[] = Object.entries(r.states as Record<string, unknown>).map(([key, value]) => {
    const s = (value && typeof value === 'object' ? value : {}) as { label?: unknown; final?: unknown; color?: unknown };
    return {
      key,
      label: typeof s.label === 'string' && s.label ? s.label : key,
      final: s.final === true,
      color: typeof s.color === 'string' ? s.color : null,
    };
  });
  const transitions = (Array.isArray(r.transitions) ? r.transitions : [])
    .filter((t): t is Record<string, unknown> => !!t && typeof t === 'object')
    .map((t) => ({
      from: (Array.isArray(t.from) ? t.from : [t.from]).filter((f): f is string => typeof f === 'string'),
      to: typeof t.to === 'string' ? t.to : '',
      label: typeof t.label === 'string' ? t.label : '',
      roles: Array.isArray(t.roles) ? t.roles.filter((x): x is string => typeof x === 'string') : [],
      guards: Array.isArray(t.guards)
        ? t.guards
            .filter((g): g is { name: string; params?: unknown } => !!g && typeof g === 'object' && typeof (g as { name?: unknown }).name === 'string')
        : [],
    }))
    .filter((t) => t.to && t.from.length > 0);
  return { initial: typeof r.initial === 'string' ? r.initial : states[0]?.key ?? '', states, transitions };
};

/*
 * Layout: an "arc diagram" standing up. States are stacked top to bottom (initial first, then
 * definition order). A transition towards a state further down is an arc on the right; one back
 * up (a return) is a dashed arc on the left; the wider the arc, the further apart the states.
 * Nothing crosses a box, and A→B / B→A sit on opposite sides.
 */
const NODE_W = 196;
const NODE_H = 44;
const ROW = 74;
const TOP = 40;
const PAD = 12;
const FONT = 10;
const charWidth = FONT * 0.56;

const arcOffset = (span: number) => 26 + 26 * span; // control-point distance; the apex is at 0.75×
const labelWidth = (text: string) => Math.ceil(text.length * charWidth) + 6;

type Edge = {
  id: string;
  from: string;
  to: string;
  fi: number;
  ti: number;
  side: 'right' | 'left' | 'self';
  labels: string[];
};

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const computeLayout = (model: DiagramModel) => {
  const ordered = [...model.states];
  const initialIndex = ordered.findIndex((s) => s.key === model.initial);
  if (initialIndex > 0) ordered.unshift(ordered.splice(initialIndex, 1)[0]);
  const index = new Map(ordered.map((s, i) => [s.key, i]));

  const edgeMap = new Map<string, Edge>();
  for (const t of model.transitions) {
    for (const f of t.from) {
      const fi = index.get(f);
      const ti = index.get(t.to);
      if (fi === undefined || ti === undefined) continue;
      const id = `${f}→${t.to}`;
      const e = edgeMap.get(id) ?? { id, from: f, to: t.to, fi, ti, side: fi === ti ? 'self' : ti > fi ? 'right' : 'left', labels: [] };
      if (t.label && !e.labels.includes(t.label)) e.labels.push(t.label);
      edgeMap.set(id, e);
    }
  }
  const edges = [...edgeMap.values()];

  // Ports: the ends of the arcs on one side of a box are spread along its height, ordered by
  // where the other end is, so arcs do not cross at the box.
  const ports = new Map<string, number>(); // `${edgeId}:${'from'|'to'}` -> y offset
  for (const s of ordered) {
    const i = index.get(s.key)!;
    for (const side of ['right', 'left'] as const) {
      const ends: Array<{ key: string; other: number; span: number }> = [];
      for (const e of edges) {
        if (e.side !== side) continue;
        if (e.fi === i) ends.push({ key: `${e.id}:from`, other: e.ti, span: Math.abs(e.ti - e.fi) });
        if (e.ti === i) ends.push({ key: `${e.id}:to`, other: e.fi, span: Math.abs(e.ti - e.fi) });
      }
      // Ends going up first (top of the box), the widest arcs outermost.
      ends.sort((a, b) => {
        const da = a.other - i;
        const db = b.other - i;
        if (Math.sign(da) !== Math.sign(db)) return da - db;
        return da < 0 ? b.span - a.span : a.span - b.span;
      });
      const n = ends.length;
      const spread = Math.min(NODE_H - 12, 7 * (n - 1));
      ends.forEach((end, k) => ports.set(end.key, n === 1 ? 0 : -spread / 2 + (spread * k) / (n - 1)));
    }
  }

  // Labels: one per (side, target, label) group, at the apex of the widest arc of the group,
  // pushed down when they would overlap a label already placed.
  type Label = { text: string; x: number; y: number; anchor: 'start' | 'end'; w: number; edges: string[] };
  const groups = new Map<string, { side: Edge['side']; text: string; edges: Edge[] }>();
  for (const e of edges) {
    for (const text of e.labels) {
      const key = `${e.side}|${e.to}|${text}`;
      const g = groups.get(key) ?? { side: e.side, text, edges: [] };
      g.edges.push(e);
      groups.set(key, g);
    }
  }
  const rowY = (i: number) => TOP + i * ROW + NODE_H / 2;
  const labels: Label[] = [];
  for (const g of groups.values()) {
    const e = g.edges.reduce((a, b) => (Math.abs(b.ti - b.fi) > Math.abs(a.ti - a.fi) ? b : a));
    const text = truncate(g.text, 34);
    const w = labelWidth(text);
    if (e.side === 'self') {
      labels.push({ text, x: NODE_W / 2 + 52, y: rowY(e.fi), anchor: 'start', w, edges: g.edges.map((x) => x.id) });
      continue;
    }
    const apex = 0.75 * arcOffset(Math.abs(e.ti - e.fi));
    const y1 = rowY(e.fi) + (ports.get(`${e.id}:from`) ?? 0);
    const y2 = rowY(e.ti) + (ports.get(`${e.id}:to`) ?? 0);
    labels.push({
      text,
      x: e.side === 'right' ? NODE_W / 2 + apex + 5 : -(NODE_W / 2 + apex + 5),
      y: (y1 + y2) / 2,
      anchor: e.side === 'right' ? 'start' : 'end',
      w,
      edges: g.edges.map((x) => x.id),
    });
  }
  labels.sort((a, b) => a.y - b.y);
  const placed: Label[] = [];
  const box = (l: Label) => (l.anchor === 'start' ? [l.x, l.x + l.w] : [l.x - l.w, l.x]);
  for (const l of labels) {
    for (let tries = 0; tries < 12; tries++) {
      const [a1, a2] = box(l);
      const clash = placed.find((p) => {
        const [b1, b2] = box(p);
        return a1 < b2 && b1 < a2 && Math.abs(p.y - l.y) < FONT + 3;
      });
      if (!clash) break;
      l.y = clash.y + FONT + 3;
    }
    placed.push(l);
  }

  // Extents: the widest arc and the label beyond it, on each side (x relative to the box centre).
  let right = NODE_W / 2 + 10;
  let left = NODE_W / 2 + 10;
  for (const e of edges) {
    if (e.side === 'right') right = Math.max(right, NODE_W / 2 + 0.75 * arcOffset(e.ti - e.fi) + 4);
    if (e.side === 'left') left = Math.max(left, NODE_W / 2 + 0.75 * arcOffset(e.fi - e.ti) + 4);
    if (e.side === 'self') right = Math.max(right, NODE_W / 2 + 50);
  }
  for (const l of placed) {
    if (l.anchor === 'start') right = Math.max(right, l.x + l.w);
    else left = Math.max(left, -l.x + l.w);
  }
  const cx = PAD + left;
  const width = Math.ceil(PAD * 2 + left + right);
  const bottom = Math.max(TOP + (ordered.length - 1) * ROW + NODE_H, ...placed.map((l) => l.y + FONT));
  const height = Math.ceil(bottom + PAD + 8);
  return { ordered, index, edges, ports, labels: placed, cx, width, height, rowY };
};

export const Diagram = ({ model, showLabels = true }: { model: DiagramModel; showLabels?: boolean }) => {
  const L = React.useMemo(() => computeLayout(model), [model]);
  // Theme colours, so the diagram also reads in the dark theme.
  const theme = useTheme();
  const c = {
    text: theme.colors.neutral800,
    muted: theme.colors.neutral600,
    edge: theme.colors.neutral500,
    lit: theme.colors.primary600,
    halo: theme.colors.neutral0,
  };
  const byKey = new Map(model.states.map((s) => [s.key, s]));
  const [hover, setHover] = React.useState<string | null>(null);
  const isLit = (e: Edge) => hover !== null && (e.from === hover || e.to === hover);

  return (
    <Box style={{ overflowX: 'auto' }} data-testid="workflow-diagram">
      <svg
        width="100%"
        viewBox={`0 0 ${L.width} ${L.height}`}
        role="img"
        aria-label="Diagramme des étapes et des transitions"
        style={{ display: 'block', maxWidth: L.width, minWidth: Math.min(L.width, 480), margin: '0 auto', fontFamily: 'inherit' }}
      >
        <defs>
          <marker id="wf-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={c.edge} />
          </marker>
          <marker id="wf-arrow-lit" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={c.lit} />
          </marker>
          <marker id="wf-arrow-dark" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={c.text} />
          </marker>
        </defs>

        {L.edges.map((e) => {
          const lit = isLit(e);
          const dim = hover !== null && !lit;
          const stroke = lit ? c.lit : c.edge;
          const title = `${byKey.get(e.from)?.label ?? e.from} → ${byKey.get(e.to)?.label ?? e.to}${e.labels.length ? ` : ${e.labels.join(', ')}` : ''}`;
          let d: string;
          if (e.side === 'self') {
            const x = L.cx + NODE_W / 2;
            const y = L.rowY(e.fi);
            d = `M ${x} ${y - 10} C ${x + 48} ${y - 34}, ${x + 48} ${y + 34}, ${x + 3} ${y + 10}`;
          } else {
            const sign = e.side === 'right' ? 1 : -1;
            const x = L.cx + sign * (NODE_W / 2);
            const h = arcOffset(Math.abs(e.ti - e.fi));
            const y1 = L.rowY(e.fi) + (L.ports.get(`${e.id}:from`) ?? 0);
            const y2 = L.rowY(e.ti) + (L.ports.get(`${e.id}:to`) ?? 0);
            d = `M ${x} ${y1} C ${x + sign * h} ${y1}, ${x + sign * h} ${y2}, ${x + sign * 3} ${y2}`;
          }
          return (
            <g key={e.id} data-edge={e.id} opacity={dim ? 0.25 : 1}>
              <title>{title}</title>
              <path
                d={d}
                fill="none"
                stroke={stroke}
                strokeWidth={lit ? 2 : 1.4}
                strokeDasharray={e.side === 'left' ? '5 3' : undefined}
                markerEnd={lit ? 'url(#wf-arrow-lit)' : 'url(#wf-arrow)'}
              />
            </g>
          );
        })}

        {showLabels
          ? L.labels.map((l, i) => {
              const lit = hover !== null && l.edges.some((id) => id.startsWith(`${hover}→`) || id.endsWith(`→${hover}`));
              const dim = hover !== null && !lit;
              return (
                <text
                  key={i}
                  x={L.cx + l.x}
                  y={l.y + FONT / 2 - 1}
                  textAnchor={l.anchor}
                  fontSize={FONT}
                  fill={lit ? c.lit : c.muted}
                  fontWeight={lit ? 600 : 400}
                  stroke={c.halo}
                  strokeWidth={3}
                  paintOrder="stroke"
                  strokeLinejoin="round"
                  opacity={dim ? 0.3 : 1}
                >
                  {l.text}
                </text>
              );
            })
          : null}

        {L.ordered.map((s, i) => {
          const color = s.color || DEFAULT_COLOR;
          const x = L.cx - NODE_W / 2;
          const y = TOP + i * ROW;
          const initial = s.key === model.initial;
          return (
            <g
              key={s.key}
              data-testid={`diagram-state-${s.key}`}
              onMouseEnter={() => setHover(s.key)}
              onMouseLeave={() => setHover(null)}
              style={{ cursor: 'default' }}
            >
              <title>{`${s.label} (${s.key})${s.final ? ' — étape finale' : ''}${initial ? ' — étape initiale' : ''}`}</title>
              {initial ? (
                <g aria-label="Étape initiale">
                  <circle cx={L.cx} cy={y - 26} r={5} fill={c.text} />
                  <line x1={L.cx} y1={y - 21} x2={L.cx} y2={y - 3} stroke={c.text} strokeWidth={1.5} markerEnd="url(#wf-arrow-dark)" />
                </g>
              ) : null}
              {s.final ? (
                <rect x={x - 4} y={y - 4} width={NODE_W + 8} height={NODE_H + 8} rx={14} fill="none" stroke={color} strokeWidth={1.5} />
              ) : null}
              <rect
                x={x}
                y={y}
                width={NODE_W}
                height={NODE_H}
                rx={10}
                fill={hover === s.key ? tint(color, 0.3) : tint(color, 0.14)}
                stroke={color}
                strokeWidth={2}
              />
              <text x={L.cx} y={y + 19} textAnchor="middle" fontSize={13} fontWeight={600} fill={c.text}>
                {truncate(s.label, 26)}
              </text>
              <text x={L.cx} y={y + 34} textAnchor="middle" fontSize={10} fill={c.muted}>
                {s.key}
                {s.final ? ' · finale' : ''}
                {initial ? ' · initiale' : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
};
