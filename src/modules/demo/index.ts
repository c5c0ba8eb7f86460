export {
  type DemoReport,
  demoRecords,
  demoUsers,
  describeDemo,
  loadDemo,
  runDemoCommand,
} from './demo.service.ts';
