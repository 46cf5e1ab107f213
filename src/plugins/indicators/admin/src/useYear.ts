import * as React from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseYear } from './api';

/** The year lives in the URL (`?year=2025`): a view can be linked to, reloaded, and handed to the bilan. */
export const useYear = () => {
  const [params, setParams] = useSearchParams();
  const current = new Date().getFullYear();
  const year = parseYear(params.get('year'), current);
  const setYear = React.useCallback(
    (next: number) => {
      setParams(
        (p) => {
          const copy = new URLSearchParams(p);
          copy.set('year', String(next));
          return copy;
        },
        { replace: true }
      );
    },
    [setParams]
  );
  return [year, setYear] as const;
};
