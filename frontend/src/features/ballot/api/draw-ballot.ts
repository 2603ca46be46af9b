import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError, problemSlug } from '@/lib/api/errors';
import { ballotKeys } from './keys';
import type { DrawReport } from './types';

/** Draws the ballot, once, after the window has closed; gives the public report. */
export function drawBallot({ editionId, publicValue }: { editionId: number; publicValue: string }): Promise<DrawReport> {
  return unwrap(
    api.POST('/api/admin/editions/{editionId}/draw', { params: { path: { editionId } }, body: { publicValue } }),
  );
}

function isDrawReport(value: unknown): value is DrawReport {
  return typeof value === 'object' && value !== null && 'commitment' in value && 'stage' in value;
}

/** The report of the draw made first, which a refused second draw (409 already-drawn) carries in its `draw` member. */
export function existingDraw(error: unknown): DrawReport | undefined {
  if (!(error instanceof ApiError) || problemSlug(error) !== 'already-drawn') return undefined;
  const draw = error.problem.draw;
  return isDrawReport(draw) ? draw : undefined;
}

/** Draws, then puts the report in the cache and refreshes the overview; a 409 already-drawn shows the existing draw. */
export function useDrawBallot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: drawBallot,
    onSuccess: (report, { editionId }) => {
      queryClient.setQueryData(ballotKeys.drawReport(editionId), report);
    },
    onError: (error, { editionId }) => {
      if (problemSlug(error) !== 'already-drawn') return;
      const report = existingDraw(error);
      if (report) queryClient.setQueryData(ballotKeys.drawReport(editionId), report);
      else void queryClient.invalidateQueries({ queryKey: ballotKeys.drawReport(editionId) });
    },
    onSettled: (_data, _error, { editionId }) => queryClient.invalidateQueries({ queryKey: ballotKeys.overview(editionId) }),
  });
}
