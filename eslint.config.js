// Module boundaries (ARCHITECTURE.md "Layout"): apps use contracts, platform, workflow (and testing in their tests);
// workflow (the kits departments share) uses contracts and platform;
// platform uses contracts; contracts use nothing; no app imports another app (Nx forbids importing apps).
const nx = require('@nx/eslint-plugin');

// Sales' stages (docs/architecture.md "Where a rule lives"): each imports the lifecycle core, the support folders
// (customers, catalog, documents, config) and the libraries, never another stage; the core and the support
// folders import no stage at all. A stage reacts to the core's transitions instead of being called by another.
const SALES_STAGES = ['intake', 'review', 'approvals', 'issuance', 'execution', 'tracking', 'settlement', 'changes', 'archive'];
const SALES_NON_STAGES = ['lifecycle', 'customers', 'catalog', 'documents', 'config', 'database'];
const stageImports = (stages) => ({
  regex: `^(\\.\\./)+(${stages.join('|')})(/|$)`,
  message: 'a sales stage is reached through the lifecycle core (transitions, onEnter, guards, order facts), never imported',
});
const salesStageRules = [
  ...SALES_STAGES.map((stage) => ({
    files: [`apps/sales/src/${stage}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [stageImports(SALES_STAGES.filter((s) => s !== stage))] }] },
  })),
  {
    files: SALES_NON_STAGES.map((folder) => `apps/sales/src/${folder}/**/*.ts`),
    rules: { 'no-restricted-imports': ['error', { patterns: [stageImports(SALES_STAGES)] }] },
  },
];

module.exports = [
  { ignores: ['dist/**', 'node_modules/**', '.local/**', '.nx/**', 'coverage/**', 'deploy/local/kafka/lib/**', 'libs/testing/src/generated/**', '**/*.js', '**/*.mjs'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:workflow', 'type:testing'] },
            { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:workflow'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:workflow', 'type:testing'] },
            { sourceTag: 'type:workspace', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  ...salesStageRules,
];
