import { lazy, Suspense } from 'react';
import { useSession } from '../shared/SessionProvider';
import { PageSpinner } from './components/PageSpinner';
import { SignInPage } from './pages/SignInPage';

// The sign-in page is plain HTML and CSS so that a phone on a slow network gets it quickly;
// the signed-in portal (Ant Design, pages) is a separate chunk.
const SignedInPortal = lazy(() => import('./SignedInPortal'));

export function PortalApp() {
  const { session } = useSession();
  if (session.status === 'loading') return <PageSpinner />;
  if (session.status === 'signedOut' || session.me.kind !== 'person') return <SignInPage />;
  return (
    <Suspense fallback={<PageSpinner />}>
      <SignedInPortal me={session.me} />
    </Suspense>
  );
}
