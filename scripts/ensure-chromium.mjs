#!/usr/bin/env node
// Makes sure a system Chromium is there for Playwright; never downloads Playwright's own browser build.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (existsSync(path)) process.exit(0)

const onDebian = existsSync('/etc/debian_version')
const isRoot = process.getuid?.() === 0
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${path}, but no file is there.`)
  process.exit(1)
}
if (!onDebian || !isRoot) {
  console.error(
    [
      `No Chromium at ${path}. The end-to-end tests drive a system Chromium; they never download one.`,
      onDebian
        ? '  Install it as root:  apt-get update && apt-get install -y chromium'
        : '  Install Chromium with your package manager (Debian/Ubuntu: apt-get install chromium;',
      onDebian ? '' : '  Fedora: dnf install chromium; macOS: brew install --cask chromium),',
      '  or point CHROMIUM_PATH at an existing Chromium or Chrome binary.',
    ]
      .filter(Boolean)
      .join('\n'),
  )
  process.exit(1)
}

console.log(
  `No Chromium at ${path}: installing Debian's chromium package (apt-get, as root) for the e2e tests...`,
)
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', 'chromium'],
]) {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env })
  if (result.status !== 0) {
    console.error(`apt-get ${args.join(' ')} failed with exit code ${result.status}.`)
    process.exit(1)
  }
}
console.log(execFileSync(path, ['--version'], { encoding: 'utf8' }).trim())
