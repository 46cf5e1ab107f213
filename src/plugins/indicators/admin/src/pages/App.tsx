import * as React from 'react';
import { Route, Routes } from 'react-router-dom';
import { Page } from '@strapi/strapi/admin';
import { DashboardPage } from './DashboardPage';
import { ReportPage } from './ReportPage';

/** The menu link's route is /plugins/indicators/*: the dashboard, and the printable bilan under it. */
export const App = () => (
  <Routes>
    <Route index element={<DashboardPage />} />
    <Route path="bilan" element={<ReportPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
