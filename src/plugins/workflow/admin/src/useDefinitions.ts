import * as React from 'react';
import { getFetchClient } from '@strapi/strapi/admin';
import type { DefinitionInfo } from './api';

/**
 * The definitions in force, fetched once per page load and shared by every panel (the edit view
 * re-renders often); `reload()` after a save.
 */
let cache: Promise<DefinitionInfo[]> | null = null;
const listeners = new Set<() => void>();

export const invalidateDefinitions = () => {
  cache = null;
  listeners.forEach((l) => l());
};

export const useDefinitions = () => {
  const [state, setState] = React.useState<{ data: DefinitionInfo[] | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [tick, setTick] = React.useState(0);

  React.useEffect(() => {
    const listener = () => setTick((t) => t + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);

  React.useEffect(() => {
    let alive = true;
    if (!cache) {
      cache = getFetchClient().get<{ data: DefinitionInfo[] }>('/workflow/definitions').then((r) => r.data.data);
      cache.catch(() => {
        cache = null;
      });
    }
    setState((s) => ({ ...s, loading: true }));
    cache.then(
      (data) => alive && setState({ data, error: null, loading: false }),
      (error) => alive && setState({ data: null, error, loading: false })
    );
    return () => {
      alive = false;
    };
  }, [tick]);

  return { ...state, reload: invalidateDefinitions };
};
