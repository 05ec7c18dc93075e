import { Outlet } from '@tanstack/react-router';

/** The frame of a full-screen page (the session's QR screen): just the main landmark, no navigation. */
export function ScreenLayout() {
  return (
    <main id="main">
      <Outlet />
    </main>
  );
}
