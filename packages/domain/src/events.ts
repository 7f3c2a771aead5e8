import { EventRegistry } from '@chitieu/event-store';
import { catalogueEvents } from './catalogue/events.js';
import { planEvents } from './plan/events.js';
import { registryEvents } from './registry/events.js';
import { reportEvents } from './report/events.js';
import { roundEvents } from './round/events.js';

/** Every event type of the domain, each defined once in its aggregate's events.ts. */
export const domainEvents = [...registryEvents, ...catalogueEvents, ...planEvents, ...reportEvents, ...roundEvents];

/** The registry the store validates and upcasts chitieu's events with. */
export const domainRegistry = new EventRegistry(domainEvents);
