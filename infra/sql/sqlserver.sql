IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE TABLE [AuditLog] (
        [Id] uniqueidentifier NOT NULL,
        [At] datetimeoffset NOT NULL,
        [ActorId] uniqueidentifier NULL,
        [ActorRoles] varchar(100) NOT NULL,
        [Action] varchar(30) NOT NULL,
        [Resource] varchar(100) NOT NULL,
        [ResourceId] nvarchar(256) NULL,
        [OnBehalfOfId] uniqueidentifier NULL,
        [SubjectId] uniqueidentifier NULL,
        [MunicipalityCode] varchar(6) NULL,
        [IpAddress] varchar(45) NULL,
        CONSTRAINT [PK_AuditLog] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE TABLE [Municipalities] (
        [Code] varchar(6) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Region] nvarchar(50) NOT NULL,
        [Latitude] float NOT NULL,
        [Longitude] float NOT NULL,
        CONSTRAINT [PK_Municipalities] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE TABLE [ServiceCategories] (
        [Code] varchar(40) NOT NULL,
        [PoolingMode] varchar(20) NOT NULL,
        [RadiusMeters] int NOT NULL,
        [Capacity] int NOT NULL,
        [Quorum] int NOT NULL,
        [BiddingWindowHours] int NOT NULL,
        [MinSharedMinutesPerWeek] int NOT NULL,
        [TravelBufferMinutes] int NOT NULL,
        [MaxWeeklyMinutes] int NOT NULL,
        [MatchedAttributes] varchar(200) NOT NULL,
        [ReferencePricePerHourCents] bigint NOT NULL,
        CONSTRAINT [PK_ServiceCategories] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE TABLE [StripeEvents] (
        [Id] varchar(255) NOT NULL,
        [Type] varchar(100) NOT NULL,
        [LiveMode] bit NOT NULL,
        [StripeCreatedAt] datetimeoffset NOT NULL,
        [ReceivedAt] datetimeoffset NOT NULL,
        [Outcome] varchar(20) NOT NULL,
        [Payload] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_StripeEvents] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] uniqueidentifier NOT NULL,
        [DisplayName] nvarchar(100) NOT NULL,
        [MunicipalityCode] varchar(6) NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUsers_Municipalities_MunicipalityCode] FOREIGN KEY ([MunicipalityCode]) REFERENCES [Municipalities] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE TABLE [CategorySettings] (
        [MunicipalityCode] varchar(6) NOT NULL,
        [CategoryCode] varchar(40) NOT NULL,
        [Quorum] int NULL,
        [BiddingWindowHours] int NULL,
        CONSTRAINT [PK_CategorySettings] PRIMARY KEY ([MunicipalityCode], [CategoryCode]),
        CONSTRAINT [FK_CategorySettings_Municipalities_MunicipalityCode] FOREIGN KEY ([MunicipalityCode]) REFERENCES [Municipalities] ([Code]) ON DELETE CASCADE,
        CONSTRAINT [FK_CategorySettings_ServiceCategories_CategoryCode] FOREIGN KEY ([CategoryCode]) REFERENCES [ServiceCategories] ([Code]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE TABLE [DemandPools] (
        [Id] uniqueidentifier NOT NULL,
        [MunicipalityCode] varchar(6) NOT NULL,
        [CategoryCode] varchar(40) NOT NULL,
        [Status] varchar(20) NOT NULL,
        [Capacity] int NOT NULL,
        [Quorum] int NOT NULL,
        [MemberCount] int NOT NULL,
        [Schedule] varchar(2000) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [BiddingClosesAt] datetimeoffset NULL,
        [QuorumReachedAt] datetimeoffset NULL,
        [Version] bigint NOT NULL,
        CONSTRAINT [PK_DemandPools] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DemandPools_Municipalities_MunicipalityCode] FOREIGN KEY ([MunicipalityCode]) REFERENCES [Municipalities] ([Code]) ON DELETE NO ACTION,
        CONSTRAINT [FK_DemandPools_ServiceCategories_CategoryCode] FOREIGN KEY ([CategoryCode]) REFERENCES [ServiceCategories] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE TABLE [Requests] (
        [Id] uniqueidentifier NOT NULL,
        [FamilyId] uniqueidentifier NOT NULL,
        [MunicipalityCode] varchar(6) NOT NULL,
        [CategoryCode] varchar(40) NOT NULL,
        [Latitude] float NOT NULL,
        [Longitude] float NOT NULL,
        [Schedule] varchar(2000) NOT NULL,
        [StartDate] date NOT NULL,
        [Attributes] nvarchar(4000) NOT NULL,
        [MaxPricePerHourCents] bigint NULL,
        [Status] varchar(20) NOT NULL,
        [PoolId] uniqueidentifier NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Requests] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Requests_Municipalities_MunicipalityCode] FOREIGN KEY ([MunicipalityCode]) REFERENCES [Municipalities] ([Code]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Requests_ServiceCategories_CategoryCode] FOREIGN KEY ([CategoryCode]) REFERENCES [ServiceCategories] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] uniqueidentifier NOT NULL,
        [RoleId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] uniqueidentifier NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE TABLE [PoolMemberships] (
        [PoolId] uniqueidentifier NOT NULL,
        [RequestId] uniqueidentifier NOT NULL,
        [FamilyId] uniqueidentifier NOT NULL,
        [JoinedAt] datetimeoffset NOT NULL,
        [LeftAt] datetimeoffset NULL,
        CONSTRAINT [PK_PoolMemberships] PRIMARY KEY ([PoolId], [RequestId]),
        CONSTRAINT [FK_PoolMemberships_DemandPools_PoolId] FOREIGN KEY ([PoolId]) REFERENCES [DemandPools] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_PoolMemberships_Requests_RequestId] FOREIGN KEY ([RequestId]) REFERENCES [Requests] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_MunicipalityCode] ON [AspNetUsers] ([MunicipalityCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditLog_MunicipalityCode_At] ON [AuditLog] ([MunicipalityCode], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditLog_SubjectId_At] ON [AuditLog] ([SubjectId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE INDEX [IX_CategorySettings_CategoryCode] ON [CategorySettings] ([CategoryCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE INDEX [IX_DemandPools_CategoryCode] ON [DemandPools] ([CategoryCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE INDEX [IX_DemandPools_MunicipalityCode_CategoryCode_Status] ON [DemandPools] ([MunicipalityCode], [CategoryCode], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE INDEX [IX_PoolMemberships_FamilyId] ON [PoolMemberships] ([FamilyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE INDEX [IX_PoolMemberships_RequestId] ON [PoolMemberships] ([RequestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE INDEX [IX_Requests_CategoryCode] ON [Requests] ([CategoryCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE INDEX [IX_Requests_FamilyId_CreatedAt] ON [Requests] ([FamilyId], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE INDEX [IX_Requests_MunicipalityCode] ON [Requests] ([MunicipalityCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    CREATE INDEX [IX_Requests_PoolId] ON [Requests] ([PoolId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124205358_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124205358_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125022115_DurableDeadlines'
)
BEGIN
    ALTER TABLE [DemandPools] ADD [BiddingExtended] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125022115_DurableDeadlines'
)
BEGIN
    CREATE TABLE [Reminders] (
        [ServiceId] varchar(150) NOT NULL,
        [GrainId] varchar(200) NOT NULL,
        [Name] nvarchar(150) NOT NULL,
        [StartAt] datetimeoffset NOT NULL,
        [PeriodTicks] bigint NOT NULL,
        [GrainHash] bigint NOT NULL,
        [ETag] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Reminders] PRIMARY KEY ([ServiceId], [GrainId], [Name])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125022115_DurableDeadlines'
)
BEGIN
    CREATE INDEX [IX_Reminders_ServiceId_GrainHash] ON [Reminders] ([ServiceId], [GrainHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125022115_DurableDeadlines'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261125022115_DurableDeadlines', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125031657_Bidding'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [ProviderId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125031657_Bidding'
)
BEGIN
    CREATE TABLE [AwardWeights] (
        [MunicipalityCode] varchar(6) NOT NULL,
        [CategoryCode] varchar(40) NOT NULL,
        [Price] int NOT NULL,
        [Quality] int NOT NULL,
        [Outcomes] int NOT NULL,
        CONSTRAINT [PK_AwardWeights] PRIMARY KEY ([MunicipalityCode], [CategoryCode])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125031657_Bidding'
)
BEGIN
    CREATE TABLE [Providers] (
        [Id] uniqueidentifier NOT NULL,
        [LegalName] nvarchar(200) NOT NULL,
        [VatNumber] varchar(11) NOT NULL,
        [FiscalCode] varchar(16) NOT NULL,
        [ThirdSectorNumber] varchar(40) NULL,
        [Categories] varchar(400) NOT NULL,
        [Coverage] varchar(2000) NOT NULL,
        [CapacityFamilies] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Providers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125031657_Bidding'
)
BEGIN
    CREATE TABLE [Accreditations] (
        [ProviderId] uniqueidentifier NOT NULL,
        [MunicipalityCode] varchar(6) NOT NULL,
        [CategoryCode] varchar(40) NOT NULL,
        [Level] int NOT NULL,
        [ValidUntil] date NOT NULL,
        [GrantedAt] datetimeoffset NOT NULL,
        [GrantedBy] uniqueidentifier NOT NULL,
        [SuspendedAt] datetimeoffset NULL,
        [SuspensionReason] nvarchar(500) NULL,
        CONSTRAINT [PK_Accreditations] PRIMARY KEY ([ProviderId], [MunicipalityCode], [CategoryCode]),
        CONSTRAINT [FK_Accreditations_Municipalities_MunicipalityCode] FOREIGN KEY ([MunicipalityCode]) REFERENCES [Municipalities] ([Code]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Accreditations_Providers_ProviderId] FOREIGN KEY ([ProviderId]) REFERENCES [Providers] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Accreditations_ServiceCategories_CategoryCode] FOREIGN KEY ([CategoryCode]) REFERENCES [ServiceCategories] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125031657_Bidding'
)
BEGIN
    CREATE TABLE [Bids] (
        [Id] uniqueidentifier NOT NULL,
        [PoolId] uniqueidentifier NOT NULL,
        [ProviderId] uniqueidentifier NOT NULL,
        [PriceCents] bigint NOT NULL,
        [Unit] varchar(20) NOT NULL,
        [Commitments] varchar(400) NOT NULL,
        [ContinuityPledge] bit NOT NULL,
        [SubmittedAt] datetimeoffset NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [WithdrawnAt] datetimeoffset NULL,
        CONSTRAINT [PK_Bids] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Bids_DemandPools_PoolId] FOREIGN KEY ([PoolId]) REFERENCES [DemandPools] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Bids_Providers_ProviderId] FOREIGN KEY ([ProviderId]) REFERENCES [Providers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125031657_Bidding'
)
BEGIN
    CREATE TABLE [Awards] (
        [PoolId] uniqueidentifier NOT NULL,
        [BidId] uniqueidentifier NOT NULL,
        [ProviderId] uniqueidentifier NOT NULL,
        [WeeklyCostCents] bigint NOT NULL,
        [AwardedAt] datetimeoffset NOT NULL,
        [Breakdown] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_Awards] PRIMARY KEY ([PoolId]),
        CONSTRAINT [FK_Awards_Bids_BidId] FOREIGN KEY ([BidId]) REFERENCES [Bids] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Awards_DemandPools_PoolId] FOREIGN KEY ([PoolId]) REFERENCES [DemandPools] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125031657_Bidding'
)
BEGIN
    CREATE INDEX [IX_Accreditations_CategoryCode] ON [Accreditations] ([CategoryCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125031657_Bidding'
)
BEGIN
    CREATE INDEX [IX_Accreditations_MunicipalityCode_CategoryCode] ON [Accreditations] ([MunicipalityCode], [CategoryCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125031657_Bidding'
)
BEGIN
    CREATE INDEX [IX_Awards_BidId] ON [Awards] ([BidId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125031657_Bidding'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Bids_PoolId_ProviderId] ON [Bids] ([PoolId], [ProviderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125031657_Bidding'
)
BEGIN
    CREATE INDEX [IX_Bids_ProviderId] ON [Bids] ([ProviderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125031657_Bidding'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Providers_VatNumber] ON [Providers] ([VatNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125031657_Bidding'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261125031657_Bidding', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034153_CollectiveOrders'
)
BEGIN
    ALTER TABLE [PoolMemberships] ADD [ConfirmedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034153_CollectiveOrders'
)
BEGIN
    CREATE TABLE [Orders] (
        [Id] uniqueidentifier NOT NULL,
        [PoolId] uniqueidentifier NOT NULL,
        [ProviderId] uniqueidentifier NOT NULL,
        [BidId] uniqueidentifier NOT NULL,
        [PriceCents] bigint NOT NULL,
        [Unit] varchar(20) NOT NULL,
        [WeeklyCostCents] bigint NOT NULL,
        [Schedule] varchar(2000) NOT NULL,
        [BillingPeriod] varchar(20) NOT NULL,
        [StartsOn] date NOT NULL,
        [OutcomeIndicators] varchar(400) NOT NULL,
        [ContinuityPledge] bit NOT NULL,
        [HoldbackPercent] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Orders] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Orders_DemandPools_PoolId] FOREIGN KEY ([PoolId]) REFERENCES [DemandPools] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Orders_Providers_ProviderId] FOREIGN KEY ([ProviderId]) REFERENCES [Providers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034153_CollectiveOrders'
)
BEGIN
    CREATE TABLE [OrderMembers] (
        [OrderId] uniqueidentifier NOT NULL,
        [RequestId] uniqueidentifier NOT NULL,
        [FamilyId] uniqueidentifier NOT NULL,
        [JoinedOn] date NOT NULL,
        [LeftOn] date NULL,
        CONSTRAINT [PK_OrderMembers] PRIMARY KEY ([OrderId], [RequestId]),
        CONSTRAINT [FK_OrderMembers_Orders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [Orders] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034153_CollectiveOrders'
)
BEGIN
    CREATE INDEX [IX_OrderMembers_FamilyId] ON [OrderMembers] ([FamilyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034153_CollectiveOrders'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Orders_PoolId] ON [Orders] ([PoolId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034153_CollectiveOrders'
)
BEGIN
    CREATE INDEX [IX_Orders_ProviderId] ON [Orders] ([ProviderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125034153_CollectiveOrders'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261125034153_CollectiveOrders', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125035213_OutcomeTerms'
)
BEGIN
    CREATE TABLE [OrderPeriods] (
        [OrderId] uniqueidentifier NOT NULL,
        [Period] varchar(7) NOT NULL,
        [Outcomes] nvarchar(4000) NOT NULL,
        [AverageRatingTenths] int NULL,
        [Ratings] int NOT NULL,
        [HoldbackReleased] bit NOT NULL,
        [VerifiedAt] datetimeoffset NOT NULL,
        [VerifiedBy] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_OrderPeriods] PRIMARY KEY ([OrderId], [Period]),
        CONSTRAINT [FK_OrderPeriods_Orders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [Orders] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125035213_OutcomeTerms'
)
BEGIN
    CREATE TABLE [OrderRatings] (
        [OrderId] uniqueidentifier NOT NULL,
        [FamilyId] uniqueidentifier NOT NULL,
        [Period] varchar(7) NOT NULL,
        [Score] int NOT NULL,
        [Comment] nvarchar(1000) NULL,
        [RatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_OrderRatings] PRIMARY KEY ([OrderId], [FamilyId], [Period]),
        CONSTRAINT [FK_OrderRatings_Orders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [Orders] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125035213_OutcomeTerms'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261125035213_OutcomeTerms', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    ALTER TABLE [Providers] ADD [StripeAccountId] varchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    ALTER TABLE [Providers] ADD [StripeDetailsSubmitted] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    ALTER TABLE [Providers] ADD [StripePayoutsEnabled] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE TABLE [Bills] (
        [OrderId] uniqueidentifier NOT NULL,
        [Period] varchar(7) NOT NULL,
        [Revision] int NOT NULL,
        [GrossCents] bigint NOT NULL,
        [HoldbackCents] bigint NOT NULL,
        [Shares] varchar(max) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Bills] PRIMARY KEY ([OrderId], [Period], [Revision]),
        CONSTRAINT [FK_Bills_Orders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [Orders] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE TABLE [FamilyPaymentProfiles] (
        [FamilyId] uniqueidentifier NOT NULL,
        [StripeCustomerId] varchar(100) NOT NULL,
        [SetupIntentId] varchar(100) NULL,
        [PaymentMethodId] varchar(100) NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_FamilyPaymentProfiles] PRIMARY KEY ([FamilyId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE TABLE [IseeDeclarations] (
        [FamilyId] uniqueidentifier NOT NULL,
        [IseeCents] bigint NOT NULL,
        [ExpiresOn] date NOT NULL,
        [DsuProtocol] varchar(40) NOT NULL,
        [DeclaredAt] datetimeoffset NOT NULL,
        [VerifiedAt] datetimeoffset NULL,
        [VerifiedBy] uniqueidentifier NULL,
        CONSTRAINT [PK_IseeDeclarations] PRIMARY KEY ([FamilyId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE TABLE [LedgerEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [PostingId] uniqueidentifier NOT NULL,
        [Movement] varchar(30) NOT NULL,
        [OrderId] uniqueidentifier NULL,
        [Period] varchar(7) NULL,
        [AccountKind] varchar(30) NOT NULL,
        [AccountOwner] varchar(40) NOT NULL,
        [AmountCents] bigint NOT NULL,
        [Reference] varchar(200) NULL,
        [PostedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_LedgerEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE TABLE [PaymentInstructions] (
        [Id] uniqueidentifier NOT NULL,
        [Kind] varchar(20) NOT NULL,
        [OrderId] uniqueidentifier NOT NULL,
        [Period] varchar(7) NOT NULL,
        [Revision] int NOT NULL,
        [FamilyId] uniqueidentifier NULL,
        [ProviderId] uniqueidentifier NOT NULL,
        [AmountCents] bigint NOT NULL,
        [IdempotencyKey] varchar(200) NOT NULL,
        [Status] varchar(20) NOT NULL,
        [StripeId] varchar(100) NULL,
        [Attempts] int NOT NULL,
        [LastError] nvarchar(1000) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CompletedAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_PaymentInstructions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PaymentInstructions_Orders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [Orders] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE TABLE [ReconciliationItems] (
        [Id] uniqueidentifier NOT NULL,
        [MunicipalityCode] varchar(6) NOT NULL,
        [OrderId] uniqueidentifier NULL,
        [Kind] varchar(40) NOT NULL,
        [AmountCents] bigint NOT NULL,
        [Detail] nvarchar(1000) NOT NULL,
        [Reference] varchar(200) NULL,
        [OpenedAt] datetimeoffset NOT NULL,
        [ResolvedAt] datetimeoffset NULL,
        [ResolvedBy] uniqueidentifier NULL,
        CONSTRAINT [PK_ReconciliationItems] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE TABLE [SubsidyProgrammes] (
        [Id] uniqueidentifier NOT NULL,
        [MunicipalityCode] varchar(6) NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Categories] varchar(400) NOT NULL,
        [ValidFrom] date NOT NULL,
        [ValidTo] date NOT NULL,
        [BudgetCents] bigint NOT NULL,
        [Bands] varchar(4000) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_SubsidyProgrammes] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE TABLE [SubsidyGrants] (
        [OrderId] uniqueidentifier NOT NULL,
        [Period] varchar(7) NOT NULL,
        [FamilyId] uniqueidentifier NOT NULL,
        [ProgrammeId] uniqueidentifier NOT NULL,
        [MunicipalityCode] varchar(6) NOT NULL,
        [ProviderId] uniqueidentifier NOT NULL,
        [IseeCents] bigint NOT NULL,
        [RequestedCents] bigint NOT NULL,
        [GrantedCents] bigint NOT NULL,
        [ShortOfBudget] bit NOT NULL,
        [GrantedAt] datetimeoffset NOT NULL,
        [SettledAt] datetimeoffset NULL,
        [SettlementReference] nvarchar(100) NULL,
        CONSTRAINT [PK_SubsidyGrants] PRIMARY KEY ([OrderId], [Period], [FamilyId]),
        CONSTRAINT [FK_SubsidyGrants_Orders_OrderId] FOREIGN KEY ([OrderId]) REFERENCES [Orders] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SubsidyGrants_SubsidyProgrammes_ProgrammeId] FOREIGN KEY ([ProgrammeId]) REFERENCES [SubsidyProgrammes] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Providers_StripeAccountId] ON [Providers] ([StripeAccountId]) WHERE [StripeAccountId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE INDEX [IX_LedgerEntries_AccountKind_AccountOwner] ON [LedgerEntries] ([AccountKind], [AccountOwner]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE INDEX [IX_LedgerEntries_OrderId] ON [LedgerEntries] ([OrderId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE INDEX [IX_LedgerEntries_PostingId] ON [LedgerEntries] ([PostingId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PaymentInstructions_IdempotencyKey] ON [PaymentInstructions] ([IdempotencyKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE INDEX [IX_PaymentInstructions_OrderId_Period] ON [PaymentInstructions] ([OrderId], [Period]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE INDEX [IX_PaymentInstructions_Status] ON [PaymentInstructions] ([Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE INDEX [IX_ReconciliationItems_MunicipalityCode_ResolvedAt] ON [ReconciliationItems] ([MunicipalityCode], [ResolvedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_ReconciliationItems_Reference] ON [ReconciliationItems] ([Reference]) WHERE [Reference] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE INDEX [IX_SubsidyGrants_MunicipalityCode_Period] ON [SubsidyGrants] ([MunicipalityCode], [Period]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE INDEX [IX_SubsidyGrants_ProgrammeId] ON [SubsidyGrants] ([ProgrammeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    CREATE INDEX [IX_SubsidyProgrammes_MunicipalityCode] ON [SubsidyProgrammes] ([MunicipalityCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261125052425_Money'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261125052425_Money', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202043259_DropUnusedRequestPoolIndex'
)
BEGIN
    DROP INDEX [IX_Requests_PoolId] ON [Requests];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202043259_DropUnusedRequestPoolIndex'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202043259_DropUnusedRequestPoolIndex', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202105805_UnindexedReferenceKeysOnPlacementRows'
)
BEGIN
    DROP INDEX [IX_Requests_CategoryCode] ON [Requests];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202105805_UnindexedReferenceKeysOnPlacementRows'
)
BEGIN
    DROP INDEX [IX_Requests_MunicipalityCode] ON [Requests];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202105805_UnindexedReferenceKeysOnPlacementRows'
)
BEGIN
    DROP INDEX [IX_DemandPools_CategoryCode] ON [DemandPools];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202105805_UnindexedReferenceKeysOnPlacementRows'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202105805_UnindexedReferenceKeysOnPlacementRows', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202110516_FamilyMembershipsThroughRequests'
)
BEGIN
    DROP INDEX [IX_PoolMemberships_FamilyId] ON [PoolMemberships];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202110516_FamilyMembershipsThroughRequests'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202110516_FamilyMembershipsThroughRequests', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203134151_PoolMessages'
)
BEGIN
    CREATE TABLE [PoolMessages] (
        [Id] uniqueidentifier NOT NULL,
        [PoolId] uniqueidentifier NOT NULL,
        [FamilyId] uniqueidentifier NOT NULL,
        [Text] nvarchar(1000) NOT NULL,
        [SentAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_PoolMessages] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PoolMessages_DemandPools_PoolId] FOREIGN KEY ([PoolId]) REFERENCES [DemandPools] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203134151_PoolMessages'
)
BEGIN
    CREATE INDEX [IX_PoolMessages_FamilyId] ON [PoolMessages] ([FamilyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203134151_PoolMessages'
)
BEGIN
    CREATE INDEX [IX_PoolMessages_PoolId_SentAt] ON [PoolMessages] ([PoolId], [SentAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203134151_PoolMessages'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203134151_PoolMessages', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203143330_PoolMessageReports'
)
BEGIN
    ALTER TABLE [PoolMessages] ADD [HiddenAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203143330_PoolMessageReports'
)
BEGIN
    ALTER TABLE [PoolMessages] ADD [HiddenBy] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203143330_PoolMessageReports'
)
BEGIN
    ALTER TABLE [PoolMessages] ADD [ReportedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203143330_PoolMessageReports'
)
BEGIN
    ALTER TABLE [PoolMessages] ADD [ReportedBy] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203143330_PoolMessageReports'
)
BEGIN
    CREATE INDEX [IX_PoolMessages_ReportedAt] ON [PoolMessages] ([ReportedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203143330_PoolMessageReports'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203143330_PoolMessageReports', N'10.0.15');
END;

COMMIT;
GO

