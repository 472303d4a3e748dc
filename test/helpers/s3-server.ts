// One s3rver starter for the tests and `npm run cluster:demo`.
export { startS3Server, type S3Server } from '../../scripts/cluster/s3-server';
