import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { rolesOf } from '../../auth/roles.decorator';
import { missingRoles, takesEnvelope } from './command-envelope';

/**
 * `@Envelope()` reads the roles of its route (`@ApiCommand`): a controller method that takes an
 * envelope and declares no roles is a programming error, so the application refuses to start
 * rather than fail (or pick a role) on the first call.
 */
@Injectable()
export class EnvelopeRolesCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    const faults: string[] = [];
    for (const { metatype, instance } of this.discovery.getControllers()) {
      if (typeof metatype !== 'function' || !instance) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function' || !takesEnvelope(metatype, name)) continue;
        if (!rolesOf(handler, metatype)?.length) faults.push(missingRoles(metatype.name, name));
      }
    }
    if (faults.length > 0) throw new Error(faults.join('\n'));
  }
}
