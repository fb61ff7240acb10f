/*
 * On-call routing from the catalog: receivers, the route tree, "who gets paged".
 */
export * from './secretKeyRef';
export * from './receivers';
export * from './parseAlertReceivers';
export * from './alertingSettings';
export * from './routeTree';
export * from './routeAlert';
export * from './whoGetsPaged';
export * from './alertOwner';
export * from './collectRouting';
