import 'reflect-metadata';
import 'dotenv/config';
import { runCommand } from './cli-run';
import { loadConfig } from './config/config';
import { serve } from './serve';

void runCommand(() => serve(loadConfig()));
