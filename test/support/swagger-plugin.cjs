// ts-jest AST transformer: the @nestjs/swagger CLI plugin with the options of nest-cli.json,
// so the app Jest runs from the TypeScript sources documents itself as the `nest build` output does.
// ts-jest loads AST transformers with require(), hence CommonJS.
/* eslint-disable @typescript-eslint/no-require-imports */
const { before } = require('@nestjs/swagger/plugin');
const nestCli = require('../../nest-cli.json');

const { options } = nestCli.compilerOptions.plugins.find((p) => p.name === '@nestjs/swagger');

module.exports = {
  name: 'nestjs-swagger-plugin',
  version: 1,
  factory: (compiler) => (ctx) => before({ ...options }, compiler.program)(ctx),
};
