import { useMutation } from '@tanstack/react-query';
import { api, unwrapResponse } from '@/lib/api/client';
import { filenameFrom, saveFile } from '@/lib/download';

export type TicketFile = 'pdf' | 'ics';

/** The printable PDF or the calendar entry of a ticket, with the file name the server gives it. */
export async function getTicketFile(id: number, kind: TicketFile): Promise<{ blob: Blob; filename: string }> {
  const options = { params: { path: { id } }, parseAs: 'blob' } as const;
  const { data, response } = await unwrapResponse(
    kind === 'pdf'
      ? api.GET('/api/tickets/{id}/ticket.pdf', options)
      : api.GET('/api/tickets/{id}/ticket.ics', options),
  );
  return { blob: data, filename: filenameFrom(response.headers.get('Content-Disposition'), `grand-jour-${id}.${kind}`) };
}

/** Fetches the file with the bearer token, then hands it to the browser as a download. */
export function useDownloadTicketFile() {
  return useMutation({
    mutationFn: async ({ id, kind }: { id: number; kind: TicketFile }) => {
      const { blob, filename } = await getTicketFile(id, kind);
      saveFile(blob, filename);
    },
  });
}
