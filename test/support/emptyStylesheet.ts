/** Stands in for a stylesheet an admin component imports (see jest.config.js). */
export {}
