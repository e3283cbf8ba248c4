// Stylesheets imported by a page module (Vite bundles them with the page's chunk).
declare module '*.css';
