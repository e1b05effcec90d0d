// Copies the SVG icons next to the compiled nodes and credentials, where n8n looks for `file:` icons.
const { src, dest, task } = require('gulp');

task('build:icons', () =>
	src(['nodes/**/*.svg', 'credentials/**/*.svg'], { base: '.', encoding: false }).pipe(dest('dist')),
);
