import { useParams } from '@/lib/router';
import { DrawPage } from '@/features/ballot/components/draw-page';
import { NotFoundRoute } from './not-found';

/** /editions/:id/draw: the public draw report, no login. */
export function DrawRoute() {
  const { id } = useParams();
  const editionId = Number(id);
  if (!Number.isSafeInteger(editionId) || editionId <= 0) return <NotFoundRoute />;
  return <DrawPage editionId={editionId} />;
}
