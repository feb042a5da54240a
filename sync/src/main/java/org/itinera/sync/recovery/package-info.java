/**
 * Account recovery through sync packages (docs/decisions/0008): laptops send their sealed recovery
 * escrow to the hub they enrolled with, the hub keeps escrows, issues reset tokens with its device
 * keys and sends them back ({@link org.itinera.sync.recovery.RecoveryExchangeService}).
 */
package org.itinera.sync.recovery;
