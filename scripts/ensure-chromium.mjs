#!/usr/bin/env node
// Makes sure the system tools the e2e tests drive are there: Chromium for Playwright (never Playwright's own
// browser download) and poppler's pdftotext, which reads the exported PDF report back.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (process.env.CHROMIUM_PATH && !existsSync(chromium)) {
  console.error(`CHROMIUM_PATH is set to ${chromium}, but no file is there.`)
  process.exit(1)
}
const tools = [
  {
    what: 'Chromium',
    path: chromium,
    pkg: 'chromium',
    other: 'Fedora: dnf install chromium; macOS: brew install --cask chromium',
  },
  {
    what: 'pdftotext',
    path: '/usr/bin/pdftotext',
    pkg: 'poppler-utils',
    other: 'Fedora: dnf install poppler-utils; macOS: brew install poppler',
  },
].filter((tool) => !existsSync(tool.path) && !(tool.pkg === 'poppler-utils' && onPath('pdftotext')))
if (tools.length === 0) process.exit(0)

function onPath(bin) {
  return spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0
}

const onDebian = existsSync('/etc/debian_version')
const isRoot = process.getuid?.() === 0
if (!onDebian || !isRoot) {
  for (const tool of tools) {
    console.error(
      onDebian
        ? `No ${tool.what} at ${tool.path}. Install it as root:  apt-get update && apt-get install -y ${tool.pkg}`
        : `No ${tool.what} at ${tool.path}. Install it with your package manager (Debian/Ubuntu: apt-get install ${tool.pkg}; ${tool.other}).`,
    )
  }
  console.error('The end-to-end tests drive a system Chromium (or CHROMIUM_PATH); they never download one.')
  process.exit(1)
}

const packages = tools.map((t) => t.pkg)
console.log(`Installing Debian's ${packages.join(' and ')} (apt-get, as root) for the e2e tests...`)
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', ...packages],
]) {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env })
  if (result.status !== 0) {
    console.error(`apt-get ${args.join(' ')} failed with exit code ${result.status}.`)
    process.exit(1)
  }
}
if (tools.some((t) => t.pkg === 'chromium'))
  console.log(execFileSync(chromium, ['--version'], { encoding: 'utf8' }).trim())
