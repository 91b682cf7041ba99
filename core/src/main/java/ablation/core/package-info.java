/** The leaf module every other module shares: configuration, errors, statistics and shared enums. */
package ablation.core;
