import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorText, fileNameOf, isAbort, readApiError, type ApiErrorInfo, type Report } from './api';

type State = { report: Report | null; loading: boolean; error: ApiErrorInfo | null };

/** The year's report from GET /indicators/report; a year changed mid-flight never shows the older answer. */
export const useReport = (year: number) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<State>({ report: null, loading: true, error: null });
  const requestId = React.useRef(0);

  const load = React.useCallback(async () => {
    const id = ++requestId.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const res = await get<{ data: Report }>('/indicators/report', { params: { year: String(year) } });
      if (id === requestId.current) setState({ report: res.data.data, loading: false, error: null });
    } catch (e) {
      if (id !== requestId.current || isAbort(e)) return;
      setState({ report: null, loading: false, error: readApiError(e) });
    }
  }, [get, year]);

  React.useEffect(() => {
    load();
    // an answer arriving after the page is left is dropped
    return () => {
      requestId.current += 1;
    };
  }, [load]);

  return { ...state, reload: load };
};

/**
 * Downloads the year's CSV (`;` and decimal commas, for French spreadsheets) through the fetch
 * client, so that the admin token goes with it, and saves it under the server's file name.
 */
export const useCsvExport = () => {
  const { get } = useFetchClient();
  const [busy, setBusy] = React.useState(false);

  const download = React.useCallback(
    async (year: number): Promise<{ ok: true; fileName: string } | { ok: false; message: string }> => {
      setBusy(true);
      try {
        // a string is sent as it is: `;` must go encoded
        const res = await get('/indicators/report/export', { params: `year=${year}&format=csv&separator=%3B`, responseType: 'blob' });
        const fileName = fileNameOf(res.headers?.get('Content-Disposition'), `indicateurs-${year}.csv`);
        const url = URL.createObjectURL(res.data);
        const a = document.createElement('a');
        a.href = url;
        a.download = fileName;
        document.body.appendChild(a);
        a.click();
        a.remove();
        // the browser reads the blob asynchronously after the click
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        return { ok: true, fileName };
      } catch (e) {
        return { ok: false, message: errorText(readApiError(e)) };
      } finally {
        setBusy(false);
      }
    },
    [get]
  );

  return { download, busy };
};
