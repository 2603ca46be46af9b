import { useMutation } from '@tanstack/react-query';
import { api, unwrapResponse } from '@/lib/api/client';
import { filenameFrom, saveFile } from '@/lib/download';

/** stats: the figures per attraction and day; admissions: every admission with its time and device. */
export type ExportKind = 'stats' | 'admissions';

/** One of an edition's CSV exports (organisers only), with the file name the server gives it. */
export async function getEditionExport(editionId: number, kind: ExportKind): Promise<{ blob: Blob; filename: string }> {
  const options = { params: { path: { editionId } }, parseAs: 'blob' } as const;
  const { data, response } = await unwrapResponse(
    kind === 'stats'
      ? api.GET('/api/editions/{editionId}/stats.csv', options)
      : api.GET('/api/editions/{editionId}/scans.csv', options),
  );
  return {
    blob: data,
    filename: filenameFrom(response.headers.get('Content-Disposition'), `grand-jour-${editionId}-${kind}.csv`),
  };
}

/** Fetches the CSV with the bearer token, then hands it to the browser as a download. */
export function useDownloadEditionExport() {
  return useMutation({
    mutationFn: async ({ editionId, kind }: { editionId: number; kind: ExportKind }) => {
      const { blob, filename } = await getEditionExport(editionId, kind);
      saveFile(blob, filename);
    },
  });
}
