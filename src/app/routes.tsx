import type { QueryClient } from '@tanstack/react-query'
import { redirect, type RouteObject } from 'react-router'
import { DashboardSkeleton } from '../features/dashboard/dashboard-skeleton'
import { AppShell } from './app-shell'
import { NotFoundPage } from './not-found-page'
import { PageSkeleton } from './page-skeleton'

/**
 * Every page is its own chunk, loaded by the router when its route matches: the first load fetches the shell
 * and the page it opens on (the router asks for that chunk while the session loads), and a link waits for the
 * next page's chunk with the current page still on screen. The fallback shows only on the first load.
 */
export const createRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    element: <AppShell />,
    children: [
      // The loader redirects before anything renders; the router still wants an element on a leaf route.
      {
        index: true,
        loader: () => redirect('/vendors'),
        element: <PageSkeleton />,
        hydrateFallbackElement: <PageSkeleton />,
      },
      {
        path: 'vendors',
        lazy: async () => ({ Component: (await import('../features/vendors/vendors-page')).VendorsPage }),
        hydrateFallbackElement: <PageSkeleton />,
      },
      {
        path: 'dashboard',
        // The cards' requests go out with the page's code instead of after the page has drawn. Nothing waits for
        // them: the loader only starts them (a small chunk of its own), and each card shows its data when it comes.
        loader: () => {
          void import('../features/dashboard/api/prefetch-dashboard').then((m) =>
            m.prefetchDashboard(queryClient),
          )
          return null
        },
        lazy: async () => ({
          Component: (await import('../features/dashboard/dashboard-page')).DashboardPage,
        }),
        hydrateFallbackElement: <DashboardSkeleton />,
      },
      {
        path: 'vendors/import',
        lazy: async () => ({ Component: (await import('../features/imports/import-page')).ImportPage }),
        hydrateFallbackElement: <PageSkeleton />,
      },
      {
        path: 'vendors/:id',
        lazy: async () => ({
          Component: (await import('../features/vendors/vendor-profile-page')).VendorProfilePage,
        }),
        hydrateFallbackElement: <PageSkeleton />,
      },
      {
        path: 'reviews',
        lazy: async () => ({ Component: (await import('../features/vendors/reviews-page')).ReviewsPage }),
        hydrateFallbackElement: <PageSkeleton />,
      },
      {
        path: 'reports',
        lazy: async () => ({ Component: (await import('../features/reports/reports-page')).ReportsPage }),
        hydrateFallbackElement: <PageSkeleton />,
      },
      {
        path: 'audit',
        lazy: async () => ({ Component: (await import('../features/audit/audit-log-page')).AuditLogPage }),
        hydrateFallbackElement: <PageSkeleton />,
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]
