import { Navigate, type RouteObject } from 'react-router'
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
      { path: 'vendors/:id', element: <VendorProfilePage /> },
      { path: 'reviews', element: <ReviewsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]
