import { useMutation } from '@tanstack/react-query';
import { api, unwrapResponse } from '@/lib/api/client';
import { filenameFrom, saveFile } from '@/lib/download';

export type DrawFile = 'snapshot' | 'result';

/** The draw's snapshot or result file (public), with the file name the server gives it. */
export async function getDrawFile(editionId: number, kind: DrawFile): Promise<{ blob: Blob; filename: string }> {
  const options = { params: { path: { editionId } }, parseAs: 'blob' } as const;
  const { data, response } = await unwrapResponse(
    kind === 'snapshot'
      ? api.GET('/api/editions/{editionId}/draw/snapshot', options)
      : api.GET('/api/editions/{editionId}/draw/result', options),
  );
  return { blob: data, filename: filenameFrom(response.headers.get('Content-Disposition'), `${kind}-${editionId}.json`) };
}

export function useDownloadDrawFile() {
  return useMutation({
    mutationFn: async ({ editionId, kind }: { editionId: number; kind: DrawFile }) => {
      const { blob, filename } = await getDrawFile(editionId, kind);
      saveFile(blob, filename);
    },
  });
}
