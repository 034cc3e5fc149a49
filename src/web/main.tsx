import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { App } from './App.tsx';
import { I18nProvider } from './i18n.tsx';
import './styles.css';

// A data router around the app's own <Routes>, so pages can block in-app navigation (the builder's
// unsaved-changes prompt uses useBlocker, which needs one).
const router = createBrowserRouter([{ path: '*', element: <App /> }]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <RouterProvider router={router} />
    </I18nProvider>
  </StrictMode>,
);
