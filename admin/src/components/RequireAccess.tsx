import { Outlet } from 'react-router';
import type { AccessFlag } from '../access';
import { useAccess } from '../hooks/useSession';
import Forbidden from '../pages/exception/forbidden';

/** Route guard used by the route table: the page renders only if the user's flags allow it. */
export default function RequireAccess({ flag }: { flag: AccessFlag }) {
  const access = useAccess();
  return access[flag] ? <Outlet /> : <Forbidden />;
}
