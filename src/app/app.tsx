import { useState } from 'react';
import { RouterProvider } from 'react-router-dom';

import { AppProvider, createAppQueryClient } from './provider';
import { createAppRouter } from './router';

export function App() {
  // One client for the pages and for the route loaders that start their queries.
  const [queryClient] = useState(createAppQueryClient);
  const [router] = useState(() => createAppRouter(queryClient));
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
