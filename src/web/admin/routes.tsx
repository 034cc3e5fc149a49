import { Route } from 'react-router';
import { LoginPage, SetupPage } from './auth/AuthPages.tsx';

/** Pages reachable without a session. */
export function publicAuthRoutes() {
  return (
    <>
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/login" element={<LoginPage />} />
    </>
  );
}

/** Pages under /app owned by the admin area (surveys, builder, locations, users). */
export function adminRoutes() {
  return <></>;
}
