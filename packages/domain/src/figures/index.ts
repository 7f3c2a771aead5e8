export { formatFigure, type ParsedFigure, parseFigure } from './parse-figure.js';
