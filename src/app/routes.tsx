import { Navigate, type RouteObject } from 'react-router'
import { AuditLogPage } from '../features/audit/audit-log-page'
import { DashboardPage } from '../features/dashboard/dashboard-page'
import { ImportPage } from '../features/imports/import-page'
import { ReportsPage } from '../features/reports/reports-page'
import { ReviewsPage } from '../features/vendors/reviews-page'
import { VendorProfilePage } from '../features/vendors/vendor-profile-page'
import { VendorsPage } from '../features/vendors/vendors-page'
import { AppShell } from './app-shell'
import { NotFoundPage } from './not-found-page'

export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/vendors" replace /> },
      { path: 'vendors', element: <VendorsPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'vendors/import', element: <ImportPage /> },
      { path: 'vendors/:id', element: <VendorProfilePage /> },
      { path: 'reviews', element: <ReviewsPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'audit', element: <AuditLogPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]
